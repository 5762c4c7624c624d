package org.topicline.summary;

import org.topicline.conf.TopiclineConf;
import org.topicline.text.TextAnalyzer;

/**
 * The tokens the summary stages compare, chosen on the driver from the conf: {@code summary.sentence-tokens} for
 * sentence similarity (char bigrams need no segmenter and rank as well; words use the pipeline's analyzer) and the
 * pipeline's analyzer for keywords (its words are the ones {@code article_tokens} stores).
 */
public record SummaryTokenizers(Tokenizer sentences, TextAnalyzer keywords, String method)
    implements java.io.Serializable {
  public static final String CHAR_BIGRAMS = "char-bigrams";
  public static final String WORDS = "words";

  /** {@code settings} (already read from {@code conf}) owns {@code summary.sentence-tokens} and its validation. */
  public static SummaryTokenizers from(TopiclineConf conf, SummarySettings settings) {
    String kind = settings.sentenceTokens();
    TextAnalyzer analyzer = TextAnalyzer.from(conf);
    Tokenizer sentences = kind.equals(WORDS) ? analyzer::tokens : Tokenizer.charBigrams();
    return new SummaryTokenizers(sentences, analyzer,
        "lexrank-tfidf+position+title+mmr/" + kind + "; keywords textrank/" + analyzer.segmenter());
  }
}
