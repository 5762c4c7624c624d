package org.topicline.summary;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

/** The {@code topicline.summary} section, validated. */
public record SummarySettings(
    int budgetChars,
    int maxSentences,
    double graphWeight,
    double positionWeight,
    double titleWeight,
    double damping,
    double mmrLambda,
    double maxSimilarity,
    int minSentenceChars,
    List<String> leadIns,
    List<String> boilerplate,
    int keywords,
    int keywordWindow,
    int keywordChars,
    String sentenceTokens,
    Digest digest) implements Serializable {

  /** Topic digest settings. */
  public record Digest(List<Period> periods, int budgetChars, int maxSentences, int topTerms,
      int sentencesPerArticle, int maxCandidates) implements Serializable {}

  /** The periods a digest can cover. */
  public enum Period { MONTH, WEEK }

  public static SummarySettings from(TopiclineConf conf) {
    List<Period> periods = conf.getStringList("summary.digest.periods").stream().map(p -> {
      try {
        return Period.valueOf(p.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfException(TopiclineConf.fullKey("summary.digest.periods"),
            "unknown period '" + p + "' (month, week)" + conf.where("summary.digest.periods"));
      }
    }).distinct().toList();
    return new SummarySettings(
        conf.getInt("summary.budget-chars", 10, 10_000),
        conf.getInt("summary.max-sentences", 1, 100),
        conf.getDouble("summary.weights.graph", 0, 100),
        conf.getDouble("summary.weights.position", 0, 100),
        conf.getDouble("summary.weights.title", 0, 100),
        conf.getDouble("summary.damping", 0, 1),
        conf.getDouble("summary.mmr-lambda", 0, 1),
        conf.getDouble("summary.max-similarity", 0, 1),
        conf.getInt("summary.min-sentence-chars", 0, 1000),
        patterns(conf, "summary.lead-ins"),
        patterns(conf, "summary.boilerplate"),
        conf.getInt("summary.keywords", 0, 1000),
        conf.getInt("summary.keyword-window", 2, 50),
        conf.getInt("summary.keyword-chars", 0, Integer.MAX_VALUE),
        sentenceTokens(conf),
        new Digest(periods,
            conf.getInt("summary.digest.budget-chars", 10, 100_000),
            conf.getInt("summary.digest.max-sentences", 1, 1000),
            conf.getInt("summary.digest.top-terms", 0, 1000),
            conf.getInt("summary.digest.sentences-per-article", 1, 100),
            conf.getInt("summary.digest.max-candidates", 1, 1_000_000)));
  }

  /** The same settings with another character budget (the evaluation varies it per reference set). */
  public SummarySettings withBudget(int chars) {
    return new SummarySettings(chars, maxSentences, graphWeight, positionWeight, titleWeight, damping, mmrLambda,
        maxSimilarity, minSentenceChars, leadIns, boilerplate, keywords, keywordWindow, keywordChars, sentenceTokens, digest);
  }

  /**
   * {@code summary.sentence-tokens}, lower case: {@link SummaryTokenizers#CHAR_BIGRAMS} or
   * {@link SummaryTokenizers#WORDS}.
   */
  private static String sentenceTokens(TopiclineConf conf) {
    String kind = conf.getString("summary.sentence-tokens").toLowerCase(java.util.Locale.ROOT);
    if (!kind.equals(SummaryTokenizers.CHAR_BIGRAMS) && !kind.equals(SummaryTokenizers.WORDS)) {
      throw new ConfException(TopiclineConf.fullKey("summary.sentence-tokens"), "must be "
          + SummaryTokenizers.CHAR_BIGRAMS + " or " + SummaryTokenizers.WORDS + ", was '" + kind + "'"
          + conf.where("summary.sentence-tokens"));
    }
    return kind;
  }

  private static List<String> patterns(TopiclineConf conf, String key) {
    List<String> list = conf.getStringList(key);
    for (String p : list) {
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        throw new ConfException(TopiclineConf.fullKey(key), "bad pattern '" + p + "': " + e.getDescription()
            + conf.where(key));
      }
    }
    return list;
  }
}
