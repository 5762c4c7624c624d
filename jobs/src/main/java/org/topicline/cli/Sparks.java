package org.topicline.cli;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.topicline.conf.TopiclineConf;

/** Starts the SparkSession for a command from the resolved conf. */
public final class Sparks {
  private Sparks() {}

  /**
   * Settings every Topicline session needs whatever the conf says: BI engines read TIMESTAMP_MICROS (not INT96),
   * times are UTC, and the console progress bar stays on for long stages.
   */
  public static final Map<String, String> FIXED = Map.of(
      "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS",
      "spark.sql.session.timeZone", "UTC",
      "spark.sql.sources.partitionOverwriteMode", "dynamic",
      "spark.ui.showConsoleProgress", "true");

  private static final String MIN_FILE_PARTITIONS = "spark.sql.files.minPartitionNum";
  private static final int TASKS_PER_CORE = 4;

  public static SparkSession start(TopiclineConf conf, String masterOverride, String appName) {
    SparkSession.Builder b = SparkSession.builder().appName(conf.getString("spark.app-name") + " " + appName);
    // spark-submit passes its --master as the system property spark.master; it wins over the conf default.
    String master = masterOverride != null ? masterOverride
        : System.getProperty("spark.master", conf.getString("spark.master"));
    b.master(master);
    conf.getConfig("spark.conf").entrySet().forEach(e ->
        b.config(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped())));
    FIXED.forEach(b::config);
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(conf.getString("spark.log-level"));
    boolean minPartitionsSet = conf.getConfig("spark.conf").entrySet().stream()
        .anyMatch(e -> e.getKey().replace("\"", "").equals(MIN_FILE_PARTITIONS));
    if (!minPartitionsSet) {
      // Spark splits a file read into at least as many tasks as cores; our tables are a few dozen MB in many small
      // files, so that is one task per core of very different sizes, and the CPU-heavy stages that read them
      // (segmenting, summarising) wait on the biggest. A few tasks per core, packed by bytes, keep both cores busy.
      spark.conf().set(MIN_FILE_PARTITIONS, String.valueOf(TASKS_PER_CORE * spark.sparkContext().defaultParallelism()));
    }
    return spark;
  }
}
