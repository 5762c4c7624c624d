package org.topicline.trends;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.topicline.text.ArticleTokens;
import org.topicline.text.TextAnalyzer;
import scala.Tuple2;

/**
 * The trend stages, Dataset to Dataset over snake_case rows of {@code articles} and {@code topic_scores}. Everything
 * is an aggregate or a window in Spark SQL; only the corpus' first and last date reach the driver (inside the plan).
 */
public final class TrendStages {
  static final String ARTICLE_ID = "article_id";
  static final String SOURCE = "source";
  static final String PUB_DATE = "pub_date";
  static final String TOPIC = "topic";
  static final String GRANULARITY = "granularity";
  static final String PERIOD_START = "period_start";
  static final String TERM = "term";

  private TrendStages() {}

  /** Articles that count: one row per story, reprints ({@code dup_of} set) left out. */
  public static Dataset<Row> countedArticles(Dataset<Row> articles) {
    return articles.filter(col("dup_of").isNull()).select(col(ARTICLE_ID), col(SOURCE), col(PUB_DATE));
  }

  /**
   * Each row once per granularity (with its period_start) and twice per source: under its own source and under
   * {@code all}.
   */
  public static Dataset<Row> inPeriods(Dataset<Row> rows, List<Granularity> granularities) {
    Column[] periods = granularities.stream()
        .map(g -> struct(lit(g.label()).as(GRANULARITY), g.periodStart(col(PUB_DATE)).as(PERIOD_START)))
        .toArray(Column[]::new);
    return rows
        .withColumn("_period", explode(array(periods)))
        .withColumn(SOURCE, explode(array(col(SOURCE), lit(TopicTrend.ALL_SOURCES))))
        .withColumn(GRANULARITY, col("_period." + GRANULARITY))
        .withColumn(PERIOD_START, col("_period." + PERIOD_START))
        .drop("_period");
  }

  /** granularity, period_start, source, article_count. */
  public static Dataset<Row> articleCounts(Dataset<Row> counted, List<Granularity> granularities) {
    return inPeriods(counted, granularities)
        .groupBy(GRANULARITY, PERIOD_START, SOURCE)
        .agg(count(lit(1)).as("article_count"));
  }

  /**
   * topic, granularity, period_start, source, topic_count, mean_probability: scores of counted articles only (a
   * reprint's score is not counted twice); date and source come from {@code articles}.
   */
  public static Dataset<Row> topicCounts(Dataset<Row> scores, Dataset<Row> counted,
      List<Granularity> granularities) {
    Dataset<Row> scored = scores.select(col(ARTICLE_ID), col(TOPIC), col("probability"), col("label"))
        .join(counted, ARTICLE_ID);
    return inPeriods(scored, granularities)
        .groupBy(TOPIC, GRANULARITY, PERIOD_START, SOURCE)
        .agg(sum(when(col("label"), 1L).otherwise(0L)).as("topic_count"),
            avg(col("probability")).as("mean_probability"));
  }

  /** granularity, period_start: every period from the first article's to the last article's, none missing. */
  public static Dataset<Row> calendar(Dataset<Row> counted, List<Granularity> granularities) {
    Dataset<Row> range = counted.agg(min(PUB_DATE).as("first"), max(PUB_DATE).as("last"));
    Dataset<Row> out = null;
    for (Granularity g : granularities) {
      Dataset<Row> one = range.select(lit(g.label()).as(GRANULARITY),
          explode(sequence(g.periodStart(col("first")), g.periodStart(col("last")),
              expr("interval " + g.step()))).as(PERIOD_START));
      out = out == null ? one : out.unionByName(one);
    }
    return out;
  }

  /**
   * The {@code topic_trends} rows: every topic x source (and all) x period of the calendar, zero where nothing was
   * published, with share, moving average, changes and the burst flag.
   */
  public static Dataset<Row> trends(Dataset<Row> scores, Dataset<Row> counted, TrendsSettings s) {
    List<Granularity> gs = s.granularities();
    Dataset<Row> topics = scores.select(TOPIC).distinct();
    Dataset<Row> sources = counted.select(SOURCE).distinct()
        .unionByName(counted.sparkSession().range(1).select(lit(TopicTrend.ALL_SOURCES).as(SOURCE)));
    Dataset<Row> grid = topics.crossJoin(sources).crossJoin(calendar(counted, gs));
    Dataset<Row> filled = grid
        .join(articleCounts(counted, gs), scalaSeq(GRANULARITY, PERIOD_START, SOURCE), "left")
        .join(topicCounts(scores, counted, gs), scalaSeq(TOPIC, GRANULARITY, PERIOD_START, SOURCE), "left")
        .withColumn("article_count", coalesce(col("article_count"), lit(0L)))
        .withColumn("topic_count", coalesce(col("topic_count"), lit(0L)))
        .withColumn("share", when(col("article_count").gt(0),
            col("topic_count").cast("double").divide(col("article_count"))).otherwise(0.0));

    WindowSpec series = Window.partitionBy(TOPIC, GRANULARITY, SOURCE).orderBy(PERIOD_START);
    Column movingAverage = null;
    for (Granularity g : gs) {
      int n = s.movingAverage().get(g);
      Column ma = avg(col("share")).over(series.rowsBetween(-(n - 1), 0));
      movingAverage = movingAverage == null ? when(col(GRANULARITY).equalTo(g.label()), ma)
          : movingAverage.when(col(GRANULARITY).equalTo(g.label()), ma);
    }
    Column yearAgo = null;
    for (Granularity g : gs) {
      Column start = g.yearAgo(col(PERIOD_START));
      yearAgo = yearAgo == null ? when(col(GRANULARITY).equalTo(g.label()), start)
          : yearAgo.when(col(GRANULARITY).equalTo(g.label()), start);
    }
    WindowSpec recent = series.rowsBetween(-s.burstLookback(), -1);
    Dataset<Row> withWindows = filled
        .withColumn("moving_average", movingAverage)
        .withColumn("share_change_prev", col("share").minus(lag(col("share"), 1).over(series)))
        .withColumn("_recent_n", count(col("share")).over(recent))
        .withColumn("_recent_mean", avg(col("share")).over(recent))
        .withColumn("_recent_sd", stddev_pop(col("share")).over(recent))
        .withColumn("burst", col("_recent_n").equalTo(s.burstLookback())
            .and(col("topic_count").geq(s.burstMinCount()))
            .and(col("share").gt(col("_recent_mean").plus(col("_recent_sd").multiply(s.burstSigmas())))))
        .withColumn("_year_ago", yearAgo);

    Dataset<Row> lastYear = withWindows.select(col(TOPIC), col(GRANULARITY), col(SOURCE),
        col(PERIOD_START).as("_year_ago"), col("share").as("_share_year_ago"));
    return withWindows
        .join(lastYear, scalaSeq(TOPIC, GRANULARITY, SOURCE, "_year_ago"), "left")
        .withColumn("share_change_year", col("share").minus(col("_share_year_ago")))
        .withColumn("year", year(col(PERIOD_START)))
        .select(TopicTrend.SPEC.columnNames().stream().map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new));
  }

  /**
   * topic, article_id, pub_date, term: the distinct terms of each counted article labelled with a topic. Each
   * article is tokenised once however many topics it has.
   */
  public static Dataset<Row> topicTermDocs(Dataset<Row> scores, Dataset<Row> articles, Dataset<Row> counted,
      TextAnalyzer analyzer) {
    return topicTermDocs(scores, articles, counted, analyzer, null);
  }

  /**
   * As {@link #topicTermDocs(Dataset, Dataset, Dataset, TextAnalyzer)}, taking the words from {@code stored}
   * ({@link ArticleTokens#stored} with {@link ArticleTokens#TITLE} and {@link ArticleTokens#BODY}, or null) where
   * it has them: the same words, without segmenting again.
   */
  public static Dataset<Row> topicTermDocs(Dataset<Row> scores, Dataset<Row> articles, Dataset<Row> counted,
      TextAnalyzer analyzer, Dataset<Row> stored) {
    Dataset<Row> labelled = scores.filter(col("label")).select(ARTICLE_ID, TOPIC)
        .join(counted.select(ARTICLE_ID, PUB_DATE), ARTICLE_ID);
    Dataset<Row> ids = labelled.select(ARTICLE_ID).distinct();
    Dataset<Row> texts = articles.join(ids, ARTICLE_ID).select(ARTICLE_ID, "run_id", "title", "body");
    if (stored != null) {
      // Only the labelled articles' tokens travel to the join (their ids are few enough to broadcast).
      Dataset<Row> labelledTokens = stored.join(
          broadcast(ids.withColumnRenamed(ARTICLE_ID, ArticleTokens.KEY_ID)), scalaSeq(ArticleTokens.KEY_ID),
          "left_semi");
      texts = ArticleTokens.attach(texts, labelledTokens);
    }
    Dataset<Row> terms = texts
        .flatMap(new DistinctTerms(analyzer), Encoders.tuple(Encoders.STRING(), Encoders.STRING()))
        .toDF(ARTICLE_ID, TERM);
    return labelled.join(terms, ARTICLE_ID);
  }

  /**
   * The distinct words of an article's title and body (each segmented on its own, as {@code article_tokens} holds
   * them) that can name something: two characters or more and not a bare number (single characters and figures
   * rank on noise).
   */
  static final class DistinctTerms implements FlatMapFunction<Row, Tuple2<String, String>> {
    private final TextAnalyzer analyzer;

    DistinctTerms(TextAnalyzer analyzer) {
      this.analyzer = analyzer;
    }

    @Override
    public Iterator<Tuple2<String, String>> call(Row row) {
      String id = row.getAs(ARTICLE_ID);
      Set<String> seen = new LinkedHashSet<>();
      for (String part : new String[] {"title", "body"}) {
        for (String t : words(row, part)) {
          if (t.codePointCount(0, t.length()) >= 2 && !t.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            seen.add(t);
          }
        }
      }
      List<Tuple2<String, String>> out = new ArrayList<>(seen.size());
      for (String t : seen) {
        out.add(new Tuple2<>(id, t));
      }
      return out.iterator();
    }

    /** The stored words of {@code part} when the row has them, else the part segmented now. */
    private List<String> words(Row row, String part) {
      String storedCol = part + "_tokens";
      if (java.util.Arrays.asList(row.schema().fieldNames()).contains(storedCol)
          && !row.isNullAt(row.fieldIndex(storedCol))) {
        return row.getList(row.fieldIndex(storedCol));
      }
      String text = row.getAs(part);
      return analyzer.tokens(text == null ? "" : text);
    }
  }

  /**
   * The {@code topic_terms} rows from distinct (topic, article_id, pub_date, term) rows: for each topic and month,
   * the terms whose document frequency rises most against the rest of the topic's history. The score is the z of
   * the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008): the prior is the
   * topic's whole history scaled to {@code prior-strength} pseudo-counts, so rare terms are not ranked on noise.
   */
  public static Dataset<Row> risingTerms(Dataset<Row> termDocs, TrendsSettings s) {
    Dataset<Row> monthly = termDocs
        .withColumn(PERIOD_START, Granularity.MONTH.periodStart(col(PUB_DATE)))
        .groupBy(TOPIC, PERIOD_START, TERM)
        .agg(count(lit(1)).as("y_m"));
    Dataset<Row> history = monthly.groupBy(TOPIC, TERM).agg(sum("y_m").as("y_all"));
    Dataset<Row> monthTotals = monthly.groupBy(TOPIC, PERIOD_START).agg(sum("y_m").as("n_m"));
    Dataset<Row> historyTotals = monthly.groupBy(TOPIC).agg(sum("y_m").as("n_all"));
    double a0 = s.termsPriorStrength();
    Column alpha = col("y_all").multiply(a0).divide(col("n_all"));
    Column yRest = col("y_all").minus(col("y_m"));
    Column nRest = col("n_all").minus(col("n_m"));
    Column monthOther = col("n_m").plus(a0).minus(col("y_m")).minus(col("_alpha"));
    Column restOther = nRest.plus(a0).minus(yRest).minus(col("_alpha"));
    Column delta = log(col("y_m").plus(col("_alpha")).divide(monthOther))
        .minus(log(yRest.plus(col("_alpha")).divide(restOther)));
    Column variance = lit(1.0).divide(col("y_m").plus(col("_alpha")))
        .plus(lit(1.0).divide(yRest.plus(col("_alpha"))));
    WindowSpec byMonth = Window.partitionBy(TOPIC, PERIOD_START).orderBy(col("weight").desc(), col(TERM));
    return monthly
        .join(history, scalaSeq(TOPIC, TERM))
        .join(monthTotals, scalaSeq(TOPIC, PERIOD_START))
        .join(historyTotals, TOPIC)
        .filter(col("y_m").geq(s.termsMinArticles()))
        .withColumn("_alpha", alpha)
        // A term that is the topic's whole vocabulary has no "other" mass to compare against.
        .filter(monthOther.gt(0).and(restOther.gt(0)))
        .withColumn("weight", delta.divide(sqrt(variance)))
        .filter(col("weight").gt(0).and(col("weight").geq(s.termsMinZ())))
        .withColumn("rank", row_number().over(byMonth))
        .filter(col("rank").leq(s.termsTop()))
        .select(col(TOPIC), col(PERIOD_START), col(TERM), col("rank"), col("weight"),
            col("y_m").as("month_articles"), col("y_all").as("history_articles"),
            year(col(PERIOD_START)).as("year"));
  }

  private static scala.collection.immutable.Seq<String> scalaSeq(String... cols) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(cols)).toList();
  }
}
