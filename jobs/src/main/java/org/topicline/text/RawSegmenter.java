package org.topicline.text;

import com.hankcs.hanlp.seg.Segment;

/**
 * HanLP's segmenter exactly as {@link TextAnalyzer#tokens} uses it (same segmenter, name recognition, dictionaries, custom words,
 * forcing, no part of speech), but with no normalisation or filtering around it: the ceiling the bench measures the tokeniser
 * against.
 */
public final class RawSegmenter {
  private final Segment segment;

  private RawSegmenter(Segment segment) {
    this.segment = segment;
  }

  public static RawSegmenter of(TextAnalyzer analyzer) {
    return new RawSegmenter(HanLPHolder.segment(analyzer, false));
  }

  /** Segments {@code text} as is; returns the number of terms. */
  public int segment(String text) {
    return segment.seg(text).size();
  }
}
