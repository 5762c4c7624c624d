package org.topicline.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.text.TextAnalyzer;

/**
 * Windowed runs write what a full run writes, twice the same, and a backfill rewrites the years it can change; a
 * series new to the table makes a windowed run rewrite every year.
 */
class TrendsJobTest extends SparkTestBase {
  static final TextAnalyzer ANALYZER = new TextAnalyzer("viterbi", List.of("氢能", "燃料电池", "加氢站"), List.of());
  static final TrendsSettings SETTINGS = TrendStagesTest.settings(
      List.of(Granularity.WEEK, Granularity.MONTH, Granularity.YEAR));

  /** Two sources over 2020-2022; the topic grows each year, its vocabulary changes; one reprint a month. */
  static TrendFixtures corpus(LocalDate from, LocalDate to) {
    TrendFixtures f = new TrendFixtures();
    for (LocalDate d = LocalDate.of(2020, 1, 1); !d.isAfter(LocalDate.of(2022, 12, 31)); d = d.plusDays(5)) {
      if (d.isBefore(from) || d.isAfter(to)) {
        continue;
      }
      String id = "a" + d;
      boolean topical = d.getDayOfYear() % 15 < 5 * (d.getYear() - 2019);
      if (topical) {
        f.article(id, d.getDayOfMonth() % 2 == 0 ? "xwlb" : "pd", d.toString(), null, "hydrogen",
            "氢能", d.getYear() >= 2022 ? "燃料电池" : d.getMonthValue() >= 7 ? "加氢站" : "产业");
      } else {
        f.article(id, "xwlb", d.toString(), null, "hydrogen");
      }
      if (d.getDayOfMonth() <= 5) {
        f.article("r" + d, "pd", d.toString(), id, "hydrogen", "氢能");
      }
    }
    return f;
  }

  static TrendsJob.Options options(String output, LocalDate from, LocalDate to) {
    return new TrendsJob.Options(output, SETTINGS, ANALYZER, from, to, "test", "trends test");
  }

  /** A table's rows as sorted strings, doubles rounded (sums may associate differently between runs). */
  static List<String> contents(String output, String table) {
    Dataset<Row> t = TableIO.read(spark, output, table);
    Column[] cols = Stream.of(t.schema().fields())
        .map(f -> f.dataType().equals(DataTypes.DoubleType) ? functions.round(functions.col(f.name()), 9)
            : functions.col(f.name()))
        .toArray(Column[]::new);
    return t.select(cols).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  static Map<String, Long> files(Path table) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(table)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        out.put(table.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
      }
    }
    return out;
  }

  @Test
  void windowedRunsAndBackfillsMatchAFullRun() throws IOException {
    LocalDate start = LocalDate.of(2020, 1, 1);
    LocalDate end = LocalDate.of(2022, 12, 31);
    String full = newDir("full").toString();
    corpus(start, end).writeTables(spark, full);
    TrendsJob.Result fullRun = TrendsJob.run(spark, options(full, null, null));
    assertTrue(fullRun.trendRows() > 0 && fullRun.termRows() > 0, fullRun.summary());

    // Night 1: 2020 arrives.
    String inc = newDir("incremental").toString();
    LocalDate endOf2020 = LocalDate.of(2020, 12, 31);
    corpus(start, endOf2020).writeTables(spark, inc);
    TrendsJob.run(spark, options(inc, start, endOf2020));
    List<String> once = contents(inc, Tables.TOPIC_TRENDS);
    List<String> termsOnce = contents(inc, Tables.TOPIC_TERMS);
    // The same window again: identical tables, no duplicates.
    TrendsJob.run(spark, options(inc, start, endOf2020));
    assertEquals(once, contents(inc, Tables.TOPIC_TRENDS));
    assertEquals(termsOnce, contents(inc, Tables.TOPIC_TERMS));

    // Night 2: the rest arrives; the tables now equal the full run's.
    LocalDate from2021 = LocalDate.of(2021, 1, 1);
    corpus(from2021, end).writeTables(spark, inc);
    TrendsJob.Result second = TrendsJob.run(spark, options(inc, from2021, end));
    assertEquals("2020..2022", second.yearsWritten(), "the week of 2021-01-01 starts in 2020");
    assertEquals(contents(full, Tables.TOPIC_TRENDS), contents(inc, Tables.TOPIC_TRENDS));
    assertEquals(contents(full, Tables.TOPIC_TERMS), contents(inc, Tables.TOPIC_TERMS));

    // A backfill of June 2020 (one more topic article) rewrites 2020 to the last year: 2022's 3-year moving average
    // still holds 2020's share, and its 6-year burst baseline would too.
    Path trendsTable = Path.of(java.net.URI.create(org.topicline.io.DataPaths.normalise(
        Tables.path(inc, Tables.TOPIC_TRENDS))));
    Map<String, Long> before = files(trendsTable);
    LocalDate june = LocalDate.of(2020, 6, 1);
    LocalDate endOfJune = LocalDate.of(2020, 6, 30);
    TrendFixtures backfill = corpus(june, endOfJune)
        .article("late", "xwlb", "2020-06-30", null, "hydrogen", "氢能");
    backfill.writeTables(spark, inc);
    TrendsJob.Result backfilled = TrendsJob.run(spark, options(inc, june, endOfJune));
    String fullAfter = newDir("full-after-backfill").toString();
    corpus(start, end).writeTables(spark, fullAfter);
    backfill.writeTables(spark, fullAfter);
    TrendsJob.run(spark, options(fullAfter, null, null));
    assertEquals(contents(fullAfter, Tables.TOPIC_TRENDS), contents(inc, Tables.TOPIC_TRENDS));
    assertEquals("2020..2022", backfilled.yearsWritten());
    Map<String, Long> after = files(trendsTable);
    for (String granularity : List.of("week", "month", "year")) {
      for (String year : List.of("2020", "2021", "2022")) {
        String replaced = "granularity=" + granularity + "/year=" + year;
        assertNotEquals(filesUnder(before, replaced), filesUnder(after, replaced), replaced);
      }
    }
    Row june2020 = TableIO.read(spark, inc, Tables.TOPIC_TRENDS)
        .filter("granularity = 'month' and source = 'all' and period_start = date'2020-06-01'").first();
    Row fullJune = TableIO.read(spark, full, Tables.TOPIC_TRENDS)
        .filter("granularity = 'month' and source = 'all' and period_start = date'2020-06-01'").first();
    assertEquals(fullJune.<Long>getAs("topic_count") + 1, june2020.<Long>getAs("topic_count"));
  }

  /** A source or a topic first seen in a windowed run has rows in every year: the run rewrites them all. */
  @Test
  void aSourceOrTopicNewToTheTableRewritesEveryYear() throws IOException {
    String out = newDir("new-series").toString();
    corpus(LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31)).writeTables(spark, out);
    TrendsJob.run(spark, options(out, null, null));
    LocalDate march = LocalDate.of(2022, 3, 1);
    LocalDate endOfMarch = LocalDate.of(2022, 3, 31);

    TrendFixtures window = corpus(march, endOfMarch).article("gov1", "gov", "2022-03-15", null, "hydrogen", "氢能");
    window.writeTables(spark, out);
    TrendsJob.Result newSource = TrendsJob.run(spark, options(out, march, endOfMarch));
    assertEquals("all", newSource.yearsWritten());
    assertTrue(newSource.summary().contains("every year rewritten: source gov not yet in topic_trends"),
        newSource.summary());
    Dataset<Row> trends = TableIO.read(spark, out, Tables.TOPIC_TRENDS);
    assertEquals(trends.filter("source = 'xwlb'").count(), trends.filter("source = 'gov'").count());
    assertTrue(trends.filter("source = 'gov' and year = 2020").count() > 0);

    window.article("dg1", "xwlb", "2022-03-20", null, "digital_government", "政务").writeTables(spark, out);
    TrendsJob.Result newTopic = TrendsJob.run(spark, options(out, march, endOfMarch));
    assertEquals("all", newTopic.yearsWritten());
    assertTrue(newTopic.summary().contains("topic digital_government not yet"), newTopic.summary());
    trends = TableIO.read(spark, out, Tables.TOPIC_TRENDS);
    assertEquals(trends.filter("topic = 'hydrogen'").count(), trends.filter("topic = 'digital_government'").count());

    // A granularity added to the conf: its calendar starts at the corpus' first day, not at the window's year.
    TrendsSettings withQuarters = TrendStagesTest.settings(
        List.of(Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER, Granularity.YEAR));
    TrendsJob.Result newGranularity = TrendsJob.run(spark, new TrendsJob.Options(out, withQuarters, ANALYZER, march,
        endOfMarch, "test", "trends test"));
    assertEquals("all", newGranularity.yearsWritten());
    assertTrue(newGranularity.summary().contains("granularity quarter not yet"), newGranularity.summary());
    trends = TableIO.read(spark, out, Tables.TOPIC_TRENDS);
    assertEquals(List.of(2020, 2021, 2022), trends.filter("granularity = 'quarter'").select("year").distinct()
        .orderBy("year").as(org.apache.spark.sql.Encoders.INT()).collectAsList());
  }

  private static Map<String, Long> filesUnder(Map<String, Long> files, String prefix) {
    Map<String, Long> out = new TreeMap<>();
    files.forEach((k, v) -> {
      if (k.startsWith(prefix + "/")) {
        out.put(k, v);
      }
    });
    return out;
  }
}
