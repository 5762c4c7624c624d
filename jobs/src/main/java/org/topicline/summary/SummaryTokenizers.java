package org.topicline.summary;

import org.topicline.conf.TopiclineConf;

/** The tokenizer the summary stages use, chosen on the driver from the conf, and the method name it gives. */
public final class SummaryTokenizers {
  private SummaryTokenizers() {}

  public static Tokenizer from(TopiclineConf conf) {
    return Tokenizer.charBigrams();
  }

  /** Recorded in the method column: the ranker and the tokens it compared. */
  public static String method(TopiclineConf conf) {
    return "lexrank-tfidf+position+title+mmr/char-bigrams";
  }
}
