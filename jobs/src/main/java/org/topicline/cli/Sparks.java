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
    return spark;
  }
}
