package org.topicline.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.year;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.topicline.io.DataPaths;
import org.topicline.io.JobResult;
import org.topicline.io.Naming;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.SqlConf;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.text.ArticleTokens;
import org.topicline.text.TextAnalyzer;

/**
 * {@code topicline trends}: from {@code articles} and {@code topic_scores}, writes {@code topic_trends} (share of
 * each topic per period and source, with moving average, changes and bursts) and {@code topic_terms} (the terms
 * that characterise each month of a topic), and one {@code runs} row.
 *
 * <p>Steps: 1) read articles (reprints left out) and scores 2) count per topic, period and source on a full
 * calendar 3) rank each month's terms (their words
 * read from {@code article_tokens} where the tokenise step wrote them with this analyzer) 4) write: the whole tables, or with --from/--to only the years whose rows
 * the window can change (from the window's first year to the last year of data: moving averages and burst
 * baselines look back several periods, six years for the yearly burst baseline, so any later year can change)
 * 5) log the run. A topic or source that {@code topic_trends} does not hold yet (or no table at all) makes a windowed
 * run rewrite every year, so that its calendar has no holes.
 *
 * <p>Counts are always taken over the whole history, so a windowed run writes exactly the rows a full run would
 * for the years it replaces.
 */
public final class TrendsJob {
  public static final String COMMAND = "trends";

  /**
   * Typed options; {@code from} (nullable) restricts the rewrite to the years from its week's on. {@code to}
   * (nullable) is checked against {@code from} and bounds nothing: moving averages and burst baselines reach back
   * several periods (years: 3 and 6), so any year after the window can change.
   */
  public record Options(String output, TrendsSettings settings, TextAnalyzer analyzer, LocalDate from, LocalDate to,
      String confHash, String commandLine) {
    public Options {
      if (output == null || output.isBlank()) {
        throw new IllegalArgumentException("--output is needed");
      }
      if (from != null && to != null && from.isAfter(to)) {
        throw new IllegalArgumentException("--from " + from + " is after --to " + to);
      }
    }

    boolean windowed() {
      return from != null || to != null;
    }

    /** First year whose rows the window can change (a week that starts in December holds early January). */
    Integer firstYear() {
      return from == null ? null : from.with(DayOfWeek.MONDAY).getYear();
    }
  }

  /**
   * What one trends run read and wrote; {@code allYearsBecause} says why a windowed run rewrote every year (null when
   * it did not, or had no window).
   */
  public record Result(String runId, String output, long articlesCounted, long trendRows, long termRows,
      String yearsWritten, String allYearsBecause) implements JobResult {
    @Override
    public String summary() {
      return "trends " + runId + '\n'
          + (allYearsBecause == null ? "" : "  window    every year rewritten: " + allYearsBecause + '\n')
          + String.format("  read      %,10d articles (reprints left out) and their topic scores%n", articlesCounted)
          + String.format("  trends    %,10d rows (years %s) -> %s%n", trendRows, yearsWritten,
              Tables.path(output, Tables.TOPIC_TRENDS))
          + String.format("  terms     %,10d rows (years %s) -> %s%n", termRows, yearsWritten,
              Tables.path(output, Tables.TOPIC_TERMS))
          + "  run log   -> " + Tables.path(output, Tables.RUNS);
    }
  }

  private TrendsJob() {}

  public static Result run(SparkSession spark, Options o) {
    String output = DataPaths.normalise(o.output());
    String runId = RunLog.newRunId();
    RunRecord run = RunLog.start(runId, COMMAND, o.commandLine(), o.confHash());
    return RunLog.logged(spark, output, run, () -> smallPlans(spark, () -> trends(spark, o, output, runId, run)));
  }

  /**
   * Runs {@code body} with adaptive execution off and one shuffle partition per core. The trends plan is dozens of
   * aggregations, windows and joins over small data (periods x topics x sources): adaptive execution re-planned it
   * after each of its ~90 shuffles, which took longer than the work (whole corpus: 70 s -> 44 s standalone).
   */
  static <T> T smallPlans(SparkSession spark, java.util.function.Supplier<T> body) {
    return SqlConf.with(spark, Map.of("spark.sql.adaptive.enabled", "false",
        "spark.sql.shuffle.partitions", Integer.toString(Math.max(1, spark.sparkContext().defaultParallelism()))),
        body);
  }

  private static Result trends(SparkSession spark, Options o, String output, String runId, RunRecord run) {
    for (String table : new String[] {Tables.ARTICLES, Tables.TOPIC_SCORES}) {
      if (!TableIO.exists(spark, output, table)) {
        throw new IllegalStateException("no " + table + " table under " + output + ": run "
            + (table.equals(Tables.ARTICLES) ? "ingest" : "score") + " first");
      }
    }
    // 1) Read.
    spark.sparkContext().setJobGroup("trends-read", "trends: articles and topic scores", false);
    Dataset<Row> articles = TableIO.read(spark, output, Tables.ARTICLES);
    Dataset<Row> counted = TrendStages.countedArticles(articles).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> scores = TableIO.read(spark, output, Tables.TOPIC_SCORES);
    try {
      // The count and the last year of data (where a windowed rewrite ends) in one pass.
      Row extent = counted.agg(count(lit(1)), max(year(col(TrendStages.PUB_DATE)))).first();
      long articlesCounted = extent.getLong(0);
      String lastYear = extent.isNullAt(1) ? "…" : Integer.toString(extent.getInt(1));
      run.setRecordsRead(articlesCounted);
      // A series new to the table has rows (zeros included) in every year of the calendar, not only the window's.
      String allYearsBecause = o.windowed() ? allYearsBecause(spark, output, scores, counted, o.settings()) : null;
      boolean windowed = o.windowed() && allYearsBecause == null;
      Integer firstYear = windowed ? o.firstYear() : null;

      // 2) Trends and 3) terms, restricted to the years this run replaces.
      spark.sparkContext().setJobGroup("trends-count", "trends: topic shares per period and source", false);
      Dataset<Row> trends = inYears(TrendStages.trends(scores, counted, o.settings()), firstYear);
      spark.sparkContext().setJobGroup("trends-terms", "trends: rising terms per topic and month", false);
      Dataset<Row> terms = inYears(TrendStages.risingTerms(
          TrendStages.topicTermDocs(scores, articles, counted, o.analyzer(), ArticleTokens.stored(spark, output,
              o.analyzer(), Map.of(ArticleTokens.TITLE, ArticleTokens.TITLE, ArticleTokens.BODY, ArticleTokens.BODY))),
          o.settings()), firstYear);

      // 4) Write.
      TableIO.Mode mode = windowed ? TableIO.Mode.REPLACE_PARTITIONS : TableIO.Mode.REPLACE;
      spark.sparkContext().setJobGroup("trends-write", "trends: write topic_trends and topic_terms", false);
      long trendRows = TableIO.write(Naming.camelColumns(trends).as(TopicTrend.ENCODER), output, TopicTrend.SPEC, mode, runId);
      long termRows = TableIO.write(Naming.camelColumns(terms).as(TopicTerm.ENCODER), output, TopicTerm.SPEC, mode, runId);
      Map<String, Long> written = new LinkedHashMap<>();
      written.put(Tables.TOPIC_TRENDS, trendRows);
      written.put(Tables.TOPIC_TERMS, termRows);
      run.setRowsWritten(written);
      String years = windowed ? (firstYear == null ? "…" : firstYear) + ".." + lastYear : "all";
      return new Result(runId, output, articlesCounted, trendRows, termRows, years, allYearsBecause);
    } finally {
      counted.unpersist();
    }
  }

  /** The rows from {@code firstYear} on (all of them when null). */
  private static Dataset<Row> inYears(Dataset<Row> rows, Integer firstYear) {
    return firstYear == null ? rows : rows.filter(col(Tables.YEAR).geq(firstYear));
  }

  /**
   * Why a windowed run must rewrite every year, or null: there is no {@code topic_trends} yet, or a topic (of the
   * scores), a source (of the counted articles) or a granularity (of the conf) this run has rows for is not in it.
   */
  private static String allYearsBecause(SparkSession spark, String output, Dataset<Row> scores,
      Dataset<Row> counted, TrendsSettings settings) {
    if (!TableIO.exists(spark, output, Tables.TOPIC_TRENDS)) {
      return "no " + Tables.TOPIC_TRENDS + " yet";
    }
    Set<String> topics = new HashSet<>();
    Set<String> sources = new HashSet<>();
    Set<String> granularities = new HashSet<>();
    for (Row r : TableIO.read(spark, output, Tables.TOPIC_TRENDS)
        .select(TrendStages.TOPIC, TrendStages.SOURCE, TrendStages.GRANULARITY).distinct().collectAsList()) {
      topics.add(r.getString(0));
      sources.add(r.getString(1));
      granularities.add(r.getString(2));
    }
    List<String> missing = new ArrayList<>();
    for (Granularity g : settings.granularities()) {
      if (!granularities.contains(g.label())) {
        missing.add("granularity " + g.label());
      }
    }
    for (String t : distinct(scores, TrendStages.TOPIC)) {
      if (!topics.contains(t)) {
        missing.add("topic " + t);
      }
    }
    for (String s : distinct(counted, TrendStages.SOURCE)) {
      if (!sources.contains(s)) {
        missing.add("source " + s);
      }
    }
    return missing.isEmpty() ? null : String.join(", ", missing) + " not yet in " + Tables.TOPIC_TRENDS;
  }

  private static List<String> distinct(Dataset<Row> rows, String column) {
    return rows.select(column).distinct().orderBy(column).collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
