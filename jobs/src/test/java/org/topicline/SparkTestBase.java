package org.topicline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real SparkSession per test class ({@code local[2]}, no UI), started before the first test and stopped after
 * the last, plus a scratch folder for output tables.
 */
public abstract class SparkTestBase {
  protected static SparkSession spark;
  protected static Path scratch;

  @BeforeAll
  static void startSpark() throws IOException {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("topicline-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    scratch = Files.createTempDirectory("topicline-test");
  }

  @AfterAll
  static void stopSpark() throws IOException {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
    if (scratch != null) {
      try (Stream<Path> s = Files.walk(scratch)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Runs {@code body} with Spark SQL settings changed, restoring them afterwards. */
  protected static void withSqlConf(Map<String, String> settings, Runnable body) {
    org.topicline.io.SqlConf.with(spark, settings, () -> {
      body.run();
      return null;
    });
  }

  /** A fresh folder under the class's scratch folder. */
  protected static Path newDir(String name) throws IOException {
    return Files.createTempDirectory(scratch, name);
  }
}
