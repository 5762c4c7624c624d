package org.topicline.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;

/**
 * Opens the output tables the way a BI tool would (DuckDB over hive-partitioned Parquet) and checks that the
 * dashboard queries give Spark's numbers.
 */
class TrendsDuckDbTest extends SparkTestBase {
  /** Monthly share per topic, all sources: the dashboard's main chart. */
  static final String MONTHLY_SHARE = """
      SELECT topic, CAST(period_start AS STRING) AS month, article_count, topic_count, round(share, 9) AS share
      FROM %s
      WHERE granularity = 'month' AND source = 'all'
      ORDER BY topic, month""";

  /** The three most probable articles of each topic in the last month, with their summaries. */
  static final String TOP_ARTICLES_LAST_MONTH = """
      WITH last_month AS (SELECT max(period_start) AS m FROM %1$s WHERE granularity = 'month'),
      ranked AS (
        SELECT s.topic, s.article_id, s.probability, m.summary,
               row_number() OVER (PARTITION BY s.topic ORDER BY s.probability DESC, s.article_id) AS r
        FROM %2$s s JOIN %3$s m ON m.article_id = s.article_id, last_month
        WHERE s.label AND s.pub_date >= last_month.m)
      SELECT topic, article_id, round(probability, 9) AS probability, summary, r
      FROM ranked WHERE r <= 3 ORDER BY topic, r""";

  static final org.apache.spark.sql.types.StructType SUMMARIES = new org.apache.spark.sql.types.StructType()
      .add("article_id", "string").add("source_id", "string").add("pub_date", "date").add("summary", "string")
      .add("sentences", "array<int>").add("keywords", "array<string>").add("method", "string")
      .add("year", "int").add("month", "int");

  /** The trends fixture corpus from January 2021 to {@code to}, its articles and scores written under a new dir. */
  private static Path corpus(String dir, LocalDate to) throws java.io.IOException {
    Path out = newDir(dir);
    TrendsJobTest.corpus(LocalDate.of(2021, 1, 1), to).writeTables(spark, out.toString());
    return out;
  }

  @Test
  void dashboardQueriesGiveSparksNumbers() throws Exception {
    Path out = corpus("bi", LocalDate.of(2022, 12, 31));
    String output = out.toString();
    TrendsJob.run(spark, TrendsJobTest.options(output, null, null));
    // A small summaries table in the summary capability's layout: the first sentence as the summary.
    spark.read().parquet(Tables.path(output, Tables.ARTICLES)).createOrReplaceTempView("articles_v");
    Dataset<Row> summaries = spark.sql("SELECT article_id, source_id, pub_date, body AS summary, array(0) AS sentences,"
        + " array('氢能') AS keywords, 'lead' AS method, year, month FROM articles_v");
    spark.createDataFrame(summaries.collectAsList(), SUMMARIES).write().partitionBy("year", "month")
        .parquet(Tables.path(output, Tables.SUMMARIES));

    for (String t : List.of(Tables.TOPIC_TRENDS, Tables.TOPIC_TERMS, Tables.TOPIC_SCORES, Tables.SUMMARIES,
        Tables.RUNS)) {
      spark.read().parquet(Tables.path(output, t)).createOrReplaceTempView(t);
    }
    List<String> sparkShare = rows(spark.sql(String.format(MONTHLY_SHARE, Tables.TOPIC_TRENDS)));
    List<String> sparkTop = rows(spark.sql(String.format(TOP_ARTICLES_LAST_MONTH, Tables.TOPIC_TRENDS,
        Tables.TOPIC_SCORES, Tables.SUMMARIES)));
    assertEquals(24, sparkShare.size(), "24 months of one topic, none missing");
    assertFalse(sparkTop.isEmpty());

    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
      String trends = parquet(out, Tables.TOPIC_TRENDS);
      assertEquals(sparkShare, rows(st, String.format(MONTHLY_SHARE, trends)));
      assertEquals(sparkTop, rows(st, String.format(TOP_ARTICLES_LAST_MONTH, trends,
          parquet(out, Tables.TOPIC_SCORES), parquet(out, Tables.SUMMARIES))));
      assertFalse(rows(st, "SELECT term, rank, weight FROM " + parquet(out, Tables.TOPIC_TERMS)
          + " WHERE rank = 1").isEmpty());

      // Timestamps are TIMESTAMP_MICROS (INT64), not INT96, so every engine reads them as timestamps.
      List<String> started = rows(st, "SELECT type, logical_type FROM parquet_schema('" + out.resolve(Tables.RUNS)
          + "/*.parquet') WHERE name = 'started_at'");
      assertFalse(started.isEmpty());
      for (String s : started) {
        assertTrue(s.startsWith("INT64") && s.contains("isAdjustedToUTC"), s);
      }
    }

    // One file per partition, and the schema and manifest files readers look for.
    for (String t : List.of(Tables.TOPIC_TRENDS, Tables.TOPIC_TERMS)) {
      try (Stream<Path> s = Files.walk(out.resolve(t))) {
        List<Path> files = s.filter(p -> p.toString().endsWith(".parquet")).toList();
        assertEquals(files.size(), files.stream().map(Path::getParent).distinct().count(), t);
      }
      assertTrue(Files.exists(out.resolve(t).resolve("_schema.json")), t);
      assertTrue(Files.readString(out.resolve(t).resolve("_manifest.json")).contains("\"table\":\"" + t + "\""));
    }
  }

  /**
   * After an upgrade, months scored before {@code topic_scores} had the rules' reading lack the column in their files;
   * Spark (through TableIO, with merged schemas) and DuckDB (with {@code union_by_name}, as the README says) both
   * read it, null for those months.
   */
  @Test
  void aColumnAddedByALaterReleaseReadsInBothEnginesNullWhereItWasNotWritten() throws Exception {
    Path out = corpus("bi-upgrade", LocalDate.of(2021, 3, 31));
    String output = out.toString();
    List<String> february = rows(spark.read().parquet(Tables.path(output, Tables.TOPIC_SCORES))
        .filter("year = 2021 AND month = 2").select("article_id").orderBy("article_id"));
    assertFalse(february.isEmpty());
    java.util.Map<String, String> rules = new java.util.HashMap<>();
    february.forEach(id -> rules.put(id, "ambiguous"));
    TrendFixtures.rescoreWithRules(spark, output, 2021, 2, rules);

    String byMonth = "SELECT month, count(*) AS n, count(rules) AS with_rules FROM %s GROUP BY month ORDER BY month";
    TableIO.read(spark, output, Tables.TOPIC_SCORES).createOrReplaceTempView("scores_merged");
    List<String> sparkCounts = rows(spark.sql(String.format(byMonth, "scores_merged")));
    assertEquals(3, sparkCounts.size());
    assertEquals(List.of("0", String.valueOf(february.size()), "0"),
        sparkCounts.stream().map(r -> r.substring(r.lastIndexOf('|') + 1)).toList(), sparkCounts.toString());
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
      String unioned = "read_parquet('" + out.resolve(Tables.TOPIC_SCORES)
          + "/**/*.parquet', hive_partitioning = true, union_by_name = true)";
      assertEquals(sparkCounts, rows(st, String.format(byMonth, unioned)));
    }
  }

  private static String parquet(Path output, String table) {
    return "read_parquet('" + output.resolve(table) + "/**/*.parquet', hive_partitioning = true)";
  }

  private static List<String> rows(Dataset<Row> ds) {
    List<String> out = new ArrayList<>();
    for (Row r : ds.collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        cells.add(String.valueOf(r.get(i)));
      }
      out.add(String.join("|", cells));
    }
    return out;
  }

  private static List<String> rows(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cells.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join("|", cells));
      }
    }
    return out;
  }
}
