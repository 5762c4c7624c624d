package org.topicline.summary;

import java.util.Locale;
import org.topicline.conf.ConfException;
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

  public static SummaryTokenizers from(TopiclineConf conf) {
    String kind = conf.getString("summary.sentence-tokens").toLowerCase(Locale.ROOT);
    TextAnalyzer analyzer = TextAnalyzer.from(conf);
    Tokenizer words = analyzer::tokens;
    Tokenizer sentences = switch (kind) {
      case CHAR_BIGRAMS -> Tokenizer.charBigrams();
      case WORDS -> words;
      default -> throw new ConfException(TopiclineConf.fullKey("summary.sentence-tokens"),
          "must be " + CHAR_BIGRAMS + " or " + WORDS + ", was '" + kind + "'" + conf.where("summary.sentence-tokens"));
    };
    return new SummaryTokenizers(sentences, analyzer,
        "lexrank-tfidf+position+title+mmr/" + kind + "; keywords textrank/" + analyzer.segmenter());
  }
}
