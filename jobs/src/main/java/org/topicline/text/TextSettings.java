package org.topicline.text;

import java.util.List;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

/**
 * {@code topicline.text}: which HanLP segmenter, with or without person-name recognition and HanLP's bundled custom
 * dictionaries, and which custom dictionaries and stop-word files.
 */
public record TextSettings(String segmenter, boolean nameRecognition, boolean bundledDictionary,
    List<String> dictionaryWords, List<String> stopWords) {
  public static final String SEGMENTER = "text.segmenter";
  public static final String NAME_RECOGNITION = "text.name-recognition";
  public static final String BUNDLED_DICTIONARY = "text.bundled-dictionary";
  public static final String DICTIONARIES = "text.dictionaries";
  public static final String STOP_WORDS = "text.stop-words";

  public static TextSettings from(TopiclineConf conf) {
    String segmenter = conf.getString(SEGMENTER).strip().toLowerCase(java.util.Locale.ROOT);
    if (!HanLPHolder.SEGMENTERS.contains(segmenter)) {
      throw new ConfException(TopiclineConf.fullKey(SEGMENTER), "must be one of " + HanLPHolder.SEGMENTERS
          + ", was " + segmenter + conf.where(SEGMENTER));
    }
    // A dictionary line may carry HanLP's "word nature frequency" columns; the word is the first.
    List<String> words = conf.readReferencedLines(DICTIONARIES).stream().map(l -> l.split("\\s+")[0]).toList();
    return new TextSettings(segmenter, conf.getBoolean(NAME_RECOGNITION), conf.getBoolean(BUNDLED_DICTIONARY), words,
        conf.readReferencedLines(STOP_WORDS));
  }
}
