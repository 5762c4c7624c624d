package org.topicline.io;

/**
 * The names of the output tables. Each is a Parquet folder directly under the run's {@code --output}, so that any
 * engine finds it by name. Only this package knows paths and layouts; other packages use these constants.
 */
public final class Tables {
  public static final String ARTICLES = "articles";
  public static final String ARTICLE_TOKENS = "article_tokens";
  public static final String REJECTS = "rejects";
  public static final String RUNS = "runs";
  public static final String TOPIC_SCORES = "topic_scores";
  public static final String MODEL_METRICS = "model_metrics";
  public static final String SUMMARIES = "summaries";
  public static final String TOPIC_DIGESTS = "topic_digests";
  public static final String TOPIC_TRENDS = "topic_trends";
  public static final String TOPIC_TERMS = "topic_terms";

  /** Partition columns shared by the per-article tables. */
  public static final String YEAR = "year";
  public static final String MONTH = "month";

  private Tables() {}

  /** {@code output/table}, keeping the output's scheme (file://, hdfs://, s3a://). */
  public static String path(String output, String table) {
    return output.endsWith("/") ? output + table : output + "/" + table;
  }
}
