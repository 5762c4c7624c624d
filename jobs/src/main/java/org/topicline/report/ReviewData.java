package org.topicline.report;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.topicline.io.RunLog;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.topics.SeedRules;

/**
 * What the review report shows, read from the output tables and collected to the driver: small by construction
 * (counts, the latest runs, per topic a monthly series and a few articles), whatever the corpus' size.
 *
 * @param modelVersion the newest model in {@code topic_scores} (else in {@code model_metrics}), whose metrics
 *     are shown; null when neither table exists
 * @param missing the optional tables that were not there (the report says which step writes them)
 */
public record ReviewData(String output, Instant generatedAt, Corpus corpus, List<RunLine> runs,
    String modelVersion, List<TopicSection> topics, List<String> missing) {

  /** Articles per source and year (reprints among them) and rejects per reason, with one example each. */
  public record Corpus(List<SourceYear> sourceYears, List<RejectCount> rejects) {
    public long articles() {
      return sourceYears.stream().mapToLong(SourceYear::articles).sum();
    }

    public long reprints() {
      return sourceYears.stream().mapToLong(SourceYear::reprints).sum();
    }

    public long rejected() {
      return rejects.stream().mapToLong(RejectCount::count).sum();
    }
  }

  public record SourceYear(String source, int year, long articles, long reprints) {}

  /** Rejects of one reason; the example is the first by location. */
  public record RejectCount(String reason, long count, String exampleLocation, String exampleDetail) {}

  public record RunLine(String runId, String command, String status, Instant startedAt, Instant finishedAt,
      long recordsRead, long articlesWritten, long rejected, String message) {}

  /** The topic's {@code model_metrics} row of {@link #modelVersion} (held-out figures). */
  public record Metric(double precision, double recall, double f1, Double rocAuc, Double prAuc, double threshold,
      long support, long rulePositives, long modelPositives, long beyondRules) {}

  /** One month of the topic's trend over all sources. */
  public record TrendPoint(LocalDate periodStart, long topicCount, double share, double movingAverage,
      boolean burst) {}

  /**
   * A scored article; {@code rules} is the seed rules' reading (null where it was scored before topic_scores had
   * it), {@code summary} null when there is no {@code summaries} row for it.
   */
  public record ArticleLine(String articleId, String source, LocalDate pubDate, String title, double probability,
      boolean label, String rules, List<String> evidence, String summary) {}

  public record DigestLine(String period, int articles, String digest) {}

  /**
   * One topic: {@code scored} and {@code labelled} count original articles (reprints left out); {@code top} are the
   * most confident labelled ones, {@code review} the ones nearest the threshold, nearest first.
   */
  public record TopicSection(String id, String displayName, Metric metric, long scored, long labelled,
      List<TrendPoint> trend, List<ArticleLine> top, List<ArticleLine> review, List<DigestLine> digests,
      LocalDate termsMonth, List<String> risingTerms) {}

  private static final String TOPIC = "topic";
  private static final String ARTICLE_ID = "article_id";
  private static final String PROBABILITY = "probability";
  private static final String RULES = "rules";
  private static final String THRESHOLD = "threshold";
  private static final String MODEL_VERSION = "model_version";
  private static final String RANK = "r";

  /**
   * Reads the tables under {@code output} ({@code articles} must exist; every other table is optional and listed in
   * {@code missing} when absent). {@code displayNames} (conf order) name the topics and order them; topics found
   * only in the tables follow, by id.
   */
  public static ReviewData collect(SparkSession spark, String output, ReportSettings s,
      Map<String, String> displayNames) {
    if (!TableIO.exists(spark, output, Tables.ARTICLES)) {
      throw new IllegalStateException("no " + Tables.ARTICLES + " table under " + output + ": run ingest first");
    }
    List<String> missing = new ArrayList<>();
    for (String t : List.of(Tables.REJECTS, Tables.RUNS, Tables.MODEL_METRICS, Tables.TOPIC_SCORES,
        Tables.SUMMARIES, Tables.TOPIC_TRENDS, Tables.TOPIC_DIGESTS, Tables.TOPIC_TERMS)) {
      if (!TableIO.exists(spark, output, t)) {
        missing.add(t);
      }
    }
    java.util.function.Predicate<String> present = t -> !missing.contains(t);
    Dataset<Row> articles = TableIO.read(spark, output, Tables.ARTICLES);
    Corpus corpus = new Corpus(sourceYears(articles),
        present.test(Tables.REJECTS) ? rejects(TableIO.read(spark, output, Tables.REJECTS)) : List.of());
    List<RunLine> runs = present.test(Tables.RUNS) ? runs(spark, output, s.runs()) : List.of();

    Dataset<Row> metrics = present.test(Tables.MODEL_METRICS) ? TableIO.read(spark, output, Tables.MODEL_METRICS)
        : null;
    Dataset<Row> scores = present.test(Tables.TOPIC_SCORES) ? TableIO.read(spark, output, Tables.TOPIC_SCORES)
        : null;
    // The model whose metrics are shown: the newest that scored articles (a model trained since, not yet used to
    // score, does not describe the labels on show), else the newest trained.
    Dataset<Row> versions = scores != null ? scores : metrics;
    String modelVersion = versions == null ? null : versions.agg(max(MODEL_VERSION)).first().getString(0);
    Map<String, Metric> latestMetrics = new LinkedHashMap<>();
    if (metrics != null) {
      for (Row r : metrics.filter(col(MODEL_VERSION).equalTo(modelVersion)).collectAsList()) {
        latestMetrics.put(r.getAs(TOPIC), metric(r));
      }
    }

    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, List<ArticleLine>> top = new LinkedHashMap<>();
    Map<String, List<ArticleLine>> review = new LinkedHashMap<>();
    if (scores != null) {
      // Tables scored before topic_scores had the rules' reading have no such column.
      Column rules = Arrays.asList(scores.columns()).contains(RULES) ? col(RULES)
          : lit(null).cast("string").as(RULES);
      Dataset<Row> scored = scores
          .select(col(ARTICLE_ID), col(TOPIC), col(PROBABILITY), col("label"), rules, col(MODEL_VERSION),
              col("evidence"))
          .join(articles.filter(col("dup_of").isNull()).select(ARTICLE_ID, "source", "pub_date", "title"),
              ARTICLE_ID);
      if (metrics != null) {
        scored = scored.join(metrics.select(MODEL_VERSION, TOPIC, THRESHOLD), columns(MODEL_VERSION, TOPIC), "left");
      } else {
        scored = scored.withColumn(THRESHOLD, lit(null).cast("double"));
      }
      scored = scored.cache();
      try {
        for (Row r : scored.groupBy(TOPIC).agg(count(lit(1)), sum(when(col("label"), 1).otherwise(0)))
            .collectAsList()) {
          counts.put(r.getString(0), new long[] {r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2)});
        }
        Dataset<Row> summaries = present.test(Tables.SUMMARIES)
            ? TableIO.read(spark, output, Tables.SUMMARIES).select(ARTICLE_ID, "summary") : null;
        top = articleLines(ranked(scored.filter(col("label")), s.topArticles(), col(PROBABILITY).desc()),
            summaries);
        // Only articles whose label the threshold decides: where the rules read a passing mention or a negative,
        // the label is theirs whatever the probability, and a reviewer's label there says nothing of the threshold.
        Column thresholdDecides = col(RULES).isNull()
            .or(col(RULES).isin(SeedRules.Reading.mayLabelColumns().toArray()));
        review = articleLines(ranked(scored.filter(col(THRESHOLD).isNotNull().and(thresholdDecides)),
            s.reviewArticles(), abs(col(PROBABILITY).minus(col(THRESHOLD))).asc()), summaries);
      } finally {
        scored.unpersist();
      }
    }

    Map<String, List<TrendPoint>> trends = present.test(Tables.TOPIC_TRENDS)
        ? trends(TableIO.read(spark, output, Tables.TOPIC_TRENDS)) : Map.of();
    Map<String, List<DigestLine>> digests = present.test(Tables.TOPIC_DIGESTS)
        ? digests(TableIO.read(spark, output, Tables.TOPIC_DIGESTS), s.digests()) : Map.of();
    Map<String, Map.Entry<LocalDate, List<String>>> terms = present.test(Tables.TOPIC_TERMS)
        ? risingTerms(TableIO.read(spark, output, Tables.TOPIC_TERMS), s.risingTerms()) : Map.of();

    Set<String> ids = new LinkedHashSet<>(displayNames.keySet());
    Set<String> found = new TreeSet<>(latestMetrics.keySet());
    found.addAll(counts.keySet());
    found.addAll(trends.keySet());
    List<TopicSection> topics = new ArrayList<>();
    // Conf topics are listed (a topic added to conf but not trained yet shows as such) once any topic table exists.
    for (String id : found.isEmpty() ? Set.<String>of() : ids) {
      topics.add(section(id, displayNames, latestMetrics, counts, trends, top, review, digests, terms));
    }
    for (String id : found) {
      if (!ids.contains(id)) {
        topics.add(section(id, displayNames, latestMetrics, counts, trends, top, review, digests, terms));
      }
    }
    return new ReviewData(output, Instant.now(), corpus, runs, modelVersion, topics, missing);
  }

  private static TopicSection section(String id, Map<String, String> names, Map<String, Metric> metrics,
      Map<String, long[]> counts, Map<String, List<TrendPoint>> trends, Map<String, List<ArticleLine>> top,
      Map<String, List<ArticleLine>> review, Map<String, List<DigestLine>> digests,
      Map<String, Map.Entry<LocalDate, List<String>>> terms) {
    long[] c = counts.getOrDefault(id, new long[2]);
    Map.Entry<LocalDate, List<String>> t = terms.get(id);
    return new TopicSection(id, names.getOrDefault(id, id), metrics.get(id), c[0], c[1],
        trends.getOrDefault(id, List.of()), top.getOrDefault(id, List.of()), review.getOrDefault(id, List.of()),
        digests.getOrDefault(id, List.of()), t == null ? null : t.getKey(), t == null ? List.of() : t.getValue());
  }

  private static List<SourceYear> sourceYears(Dataset<Row> articles) {
    List<SourceYear> out = new ArrayList<>();
    for (Row r : articles.groupBy("source", Tables.YEAR)
        .agg(count(lit(1)), sum(when(col("dup_of").isNotNull(), 1).otherwise(0)))
        .orderBy("source", Tables.YEAR).collectAsList()) {
      out.add(new SourceYear(r.getString(0), r.getInt(1), r.getLong(2), r.getLong(3)));
    }
    return out;
  }

  private static List<RejectCount> rejects(Dataset<Row> rejects) {
    List<RejectCount> out = new ArrayList<>();
    for (Row r : rejects.groupBy("reason")
        .agg(count(lit(1)).as("n"), min(col("location")), min_by(col("detail"), col("location")))
        .orderBy(desc("n"), col("reason")).collectAsList()) {
      out.add(new RejectCount(r.getString(0), r.getLong(1), r.getString(2), r.getString(3)));
    }
    return out;
  }

  private static List<RunLine> runs(SparkSession spark, String output, int limit) {
    List<RunLine> out = new ArrayList<>();
    for (Row r : RunLog.read(spark, output).orderBy(desc("started_at")).limit(limit).collectAsList()) {
      out.add(new RunLine(r.getAs("run_id"), r.getAs("command"), r.getAs("status"), instant(r.getAs("started_at")),
          instant(r.getAs("finished_at")), r.<Long>getAs("records_read"), r.<Long>getAs("articles_written"),
          r.<Long>getAs("rejected"), r.getAs("message")));
    }
    return out;
  }

  private static Metric metric(Row r) {
    return new Metric(r.getAs("precision"), r.getAs("recall"), r.getAs("f1"), r.getAs("roc_auc"), r.getAs("pr_auc"),
        r.getAs(THRESHOLD), r.<Long>getAs("support"), r.<Long>getAs("rule_positives"),
        r.<Long>getAs("model_positives"), r.<Long>getAs("beyond_rules"));
  }

  /** The first {@code k} rows per topic in {@code order} (ties broken by article id, so the lists are stable). */
  private static Dataset<Row> ranked(Dataset<Row> rows, int k, org.apache.spark.sql.Column order) {
    return rows.withColumn(RANK, row_number().over(Window.partitionBy(TOPIC).orderBy(order, col(ARTICLE_ID))))
        .filter(col(RANK).leq(k));
  }

  private static Map<String, List<ArticleLine>> articleLines(Dataset<Row> ranked, Dataset<Row> summaries) {
    Dataset<Row> rows = summaries == null ? ranked.withColumn("summary", lit(null).cast("string"))
        : ranked.join(summaries, columns(ARTICLE_ID), "left");
    Map<String, List<ArticleLine>> out = new LinkedHashMap<>();
    for (Row r : rows.orderBy(TOPIC, RANK).collectAsList()) {
      List<String> evidence = new ArrayList<>();
      List<Row> ev = r.getList(r.fieldIndex("evidence"));
      if (ev != null) {
        ev.forEach(e -> evidence.add(e.getString(0)));
      }
      out.computeIfAbsent(r.getAs(TOPIC), t -> new ArrayList<>()).add(new ArticleLine(r.getAs(ARTICLE_ID),
          r.getAs("source"), date(r.getAs("pub_date")), r.getAs("title"), r.getAs(PROBABILITY),
          r.getAs("label"), r.getAs(RULES), evidence, r.getAs("summary")));
    }
    return out;
  }

  private static Map<String, List<TrendPoint>> trends(Dataset<Row> trends) {
    Map<String, List<TrendPoint>> out = new LinkedHashMap<>();
    for (Row r : trends.filter(col("granularity").equalTo("month").and(col("source").equalTo("all")))
        .select(TOPIC, "period_start", "topic_count", "share", "moving_average", "burst")
        .orderBy(TOPIC, "period_start").collectAsList()) {
      out.computeIfAbsent(r.getString(0), t -> new ArrayList<>()).add(new TrendPoint(date(r.get(1)), r.getLong(2),
          r.getDouble(3), r.isNullAt(4) ? 0 : r.getDouble(4), !r.isNullAt(5) && r.getBoolean(5)));
    }
    return out;
  }

  private static Map<String, List<DigestLine>> digests(Dataset<Row> digests, int k) {
    Map<String, List<DigestLine>> out = new LinkedHashMap<>();
    Dataset<Row> latest = digests.filter(col("period_type").equalTo("month"))
        .withColumn(RANK, row_number().over(Window.partitionBy(TOPIC).orderBy(col("period_start").desc())))
        .filter(col(RANK).leq(k));
    for (Row r : latest.select(TOPIC, "period", "articles", "digest").orderBy(col(TOPIC), col("period").desc())
        .collectAsList()) {
      out.computeIfAbsent(r.getString(0), t -> new ArrayList<>()).add(new DigestLine(r.getString(1), r.getInt(2),
          r.getString(3)));
    }
    return out;
  }

  private static Map<String, Map.Entry<LocalDate, List<String>>> risingTerms(Dataset<Row> terms, int k) {
    Dataset<Row> latest = terms.withColumn("latest", max("period_start").over(Window.partitionBy(TOPIC)))
        .filter(col("period_start").equalTo(col("latest")).and(col("rank").leq(k)));
    Map<String, Map.Entry<LocalDate, List<String>>> out = new LinkedHashMap<>();
    for (Row r : latest.select(TOPIC, "period_start", "term").orderBy(TOPIC, "rank").collectAsList()) {
      out.computeIfAbsent(r.getString(0), t -> Map.entry(date(r.get(1)), new ArrayList<>())).getValue()
          .add(r.getString(2));
    }
    return out;
  }

  private static scala.collection.immutable.Seq<String> columns(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  private static LocalDate date(Object v) {
    return v == null ? null : v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
  }

  private static Instant instant(Object v) {
    return v == null ? null : v instanceof Instant i ? i : ((Timestamp) v).toInstant();
  }
}
