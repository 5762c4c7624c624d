package org.topicline.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

/** Starts the SparkSession for a command from the resolved conf. */
public final class Sparks {
  private Sparks() {}

  /**
   * Settings every Topicline session needs whatever the conf says: BI engines read TIMESTAMP_MICROS (not INT96),
   * times are UTC, an overwrite in {@code REPLACE_PARTITIONS} mode rewrites only the partitions it writes (dynamic
   * partition overwrite), and the console progress bar stays on for long stages.
   */
  public static final Map<String, String> FIXED = Map.of(
      "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS",
      "spark.sql.session.timeZone", "UTC",
      "spark.sql.sources.partitionOverwriteMode", "dynamic",
      "spark.ui.showConsoleProgress", "true");

  private static final String MIN_FILE_PARTITIONS = "spark.sql.files.minPartitionNum";
  private static final int TASKS_PER_CORE = 4;
  /** Spark settings with this prefix are Hadoop settings (SparkHadoopUtil). */
  private static final String HADOOP_PREFIX = "spark.hadoop.";

  static final String MASTER_KEY = "spark.master";
  static final String LOG_LEVEL_KEY = "spark.log-level";
  /** The levels SparkContext.setLogLevel accepts (its VALID_LOG_LEVELS), in any case. */
  static final List<String> LOG_LEVELS = List.of("ALL", "DEBUG", "ERROR", "FATAL", "INFO", "OFF", "TRACE", "WARN");
  /**
   * The master URLs Spark 4.1 parses (SparkMasterRegex; Mesos is gone since 4.0): local, local[N], local[*],
   * local[N,F], local-cluster[N,C,M], spark://…, and yarn and k8s://… when their cluster managers are on the
   * classpath (spark-submit). At least one thread: Spark refuses local[0] only once the session is starting.
   */
  private static final Pattern MASTER = Pattern.compile(
      "local(\\[([1-9][0-9]*|\\*)(\\s*,\\s*[0-9]+)?])?"
          + "|local-cluster\\[\\s*[0-9]+\\s*,\\s*[0-9]+\\s*,\\s*[0-9]+\\s*]"
          + "|spark://.+|k8s://.+|yarn");

  /**
   * Checks the Spark settings that Spark itself would only reject once a session is starting (master, log level),
   * so that a bad one stops the command before Spark starts, naming where it was set.
   */
  public static void check(TopiclineConf conf, String masterOverride) {
    master(conf, masterOverride);
    logLevel(conf);
  }

  public static SparkSession start(TopiclineConf conf, String masterOverride, String appName) {
    String master = master(conf, masterOverride);
    String logLevel = logLevel(conf);
    SparkSession.Builder b = SparkSession.builder().appName(conf.getString("spark.app-name") + " " + appName);
    b.master(master);
    Map<String, String> settings = settings(conf);
    settings.forEach(b::config);
    FIXED.forEach(b::config);
    SparkSession spark = b.getOrCreate();
    try {
      spark.sparkContext().setLogLevel(logLevel);
      if (!settings.containsKey(MIN_FILE_PARTITIONS)) {
        // Spark splits a file read into at least as many tasks as cores; our tables are a few dozen MB in many small
        // files, so that is one task per core of very different sizes, and the CPU-heavy stages that read them
        // (segmenting, summarising) wait on the biggest. A few tasks per core, packed by bytes, keep both cores
        // busy.
        spark.conf().set(MIN_FILE_PARTITIONS,
            String.valueOf(TASKS_PER_CORE * spark.sparkContext().defaultParallelism()));
      }
      return spark;
    } catch (RuntimeException | Error e) {
      // The caller never gets the session, so it could not stop it.
      spark.stop();
      throw e;
    }
  }

  /**
   * The Hadoop settings of a command that writes through the Hadoop file system without starting Spark
   * ({@code generate-sample}): every {@code spark.hadoop.*} key of {@code topicline.spark.conf}, prefix removed, as
   * Spark applies them to its sessions, so an {@code s3a://} endpoint and its credentials are set in one place.
   */
  public static Configuration hadoopConfiguration(TopiclineConf conf) {
    Configuration hadoop = new Configuration();
    settings(conf).forEach((key, value) -> {
      if (key.startsWith(HADOOP_PREFIX)) {
        hadoop.set(key.substring(HADOOP_PREFIX.length()), value);
      }
    });
    return hadoop;
  }

  /** {@code topicline.spark.conf} as Spark settings: keys without HOCON's quotes, values as text. */
  private static Map<String, String> settings(TopiclineConf conf) {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    conf.getConfig("spark.conf").entrySet().forEach(e ->
        settings.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped())));
    return settings;
  }

  /** The master to use: --master, else spark-submit's (the system property spark.master), else the conf's. */
  static String master(TopiclineConf conf, String masterOverride) {
    String key;
    String master;
    String where;
    if (masterOverride != null) {
      key = "--master";
      master = masterOverride;
      where = "";
    } else if (System.getProperty(MASTER_KEY) != null) {
      // spark-submit passes its --master as the system property spark.master; it wins over the conf default.
      key = MASTER_KEY;
      master = System.getProperty(MASTER_KEY);
      where = " (system property, e.g. spark-submit --master)";
    } else {
      key = TopiclineConf.fullKey(MASTER_KEY);
      master = conf.getString(MASTER_KEY);
      where = conf.where(MASTER_KEY);
    }
    if (!MASTER.matcher(master).matches()) {
      throw new ConfException(key, "not a Spark master URL: '" + master + "' (local, local[N], local[*], local[N,F], "
          + "local-cluster[N,C,M], spark://HOST:PORT, yarn, k8s://URL)" + where);
    }
    return master;
  }

  static String logLevel(TopiclineConf conf) {
    String level = conf.getString(LOG_LEVEL_KEY);
    if (!LOG_LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
      throw new ConfException(TopiclineConf.fullKey(LOG_LEVEL_KEY), "not a Spark log level: '" + level + "' ("
          + String.join(", ", LOG_LEVELS) + ", in any case)" + conf.where(LOG_LEVEL_KEY));
    }
    return level;
  }
}
