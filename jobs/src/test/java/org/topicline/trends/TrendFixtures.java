package org.topicline.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.topicline.ingest.Article;
import org.topicline.io.TableIO;

/** Small articles and topic_scores tables built from literals, in the agreed layouts. */
public final class TrendFixtures {
  static final StructType EVIDENCE = new StructType()
      .add("term", DataTypes.StringType)
      .add("weight", DataTypes.DoubleType);

  /** The topic_scores contract (owned by the topics capability). */
  static final StructType SCORES = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("source_id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("pub_date", DataTypes.DateType)
      .add("topic", DataTypes.StringType)
      .add("probability", DataTypes.DoubleType)
      .add("label", DataTypes.BooleanType)
      .add("model_version", DataTypes.StringType)
      .add("evidence", DataTypes.createArrayType(EVIDENCE))
      .add("year", DataTypes.IntegerType)
      .add("month", DataTypes.IntegerType);

  private final List<Article> articles = new ArrayList<>();
  private final List<Row> scores = new ArrayList<>();

  /**
   * An article whose body is {@code topicWords} (each also an evidence term), labelled with {@code topic} when there
   * are any, else a neutral body scored low.
   */
  public TrendFixtures article(String id, String source, String date, String dupOf, String topic,
      String... topicWords) {
    boolean labelled = topicWords.length > 0;
    return add(id, source, date, dupOf, topic, labelled ? topicWords[0] : "天气",
        labelled ? String.join("，", topicWords) + "。" : "今天天气晴朗。", labelled ? 0.9 : 0.1, labelled,
        topicWords);
  }

  /** An article titled {@code title} with a chosen probability and label (its title is its one evidence term). */
  public TrendFixtures scored(String id, String source, String date, String dupOf, String topic, String title,
      double probability, boolean label) {
    return add(id, source, date, dupOf, topic, title, title + "。", probability, label, title);
  }

  private TrendFixtures add(String id, String source, String date, String dupOf, String topic, String title,
      String body, double probability, boolean label, String... evidenceTerms) {
    LocalDate d = LocalDate.parse(date);
    Article a = new Article();
    a.setArticleId(id);
    a.setSource(source);
    a.setSourceId(id);
    a.setPubDate(d);
    a.setTitle(title);
    a.setBody(body);
    a.setCharCount(body.length());
    a.setContentHash("h" + id);
    a.setDupOf(dupOf);
    a.setLocation("fixture");
    a.setRunId("fixture");
    a.setYear(d.getYear());
    a.setMonth(d.getMonthValue());
    articles.add(a);
    List<Row> evidence = new ArrayList<>();
    for (String t : evidenceTerms) {
      evidence.add(RowFactory.create(t, 1.0));
    }
    scores.add(RowFactory.create(id, id, source, java.sql.Date.valueOf(d), topic, probability, label,
        "m1", evidence, d.getYear(), d.getMonthValue()));
    return this;
  }

  Dataset<Row> articles(SparkSession spark) {
    return org.topicline.io.Naming.snakeColumns(spark.createDataset(articles, Article.ENCODER));
  }

  Dataset<Row> scores(SparkSession spark) {
    return spark.createDataFrame(scores, SCORES);
  }

  /**
   * Re-writes one month of {@code topic_scores} as a release that records the rules' reading would: {@code rules}
   * by article id, the other months keeping the columns they were written with, as after an upgrade.
   */
  public static void rescoreWithRules(SparkSession spark, String output, int year, int month,
      Map<String, String> rules) {
    String scores = org.topicline.io.Tables.path(output, "topic_scores");
    Dataset<Row> read = spark.read().parquet(scores);
    List<Row> rows = new ArrayList<>();
    for (Row r : read.filter("year = " + year + " AND month = " + month).collectAsList()) {
      List<Object> cells = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(r.toSeq()));
      cells.add(rules.get(r.<String>getAs("article_id")));
      rows.add(RowFactory.create(cells.toArray()));
    }
    spark.createDataFrame(rows, read.schema().add("rules", DataTypes.StringType)).write().mode("overwrite")
        .option("partitionOverwriteMode", "dynamic").partitionBy("year", "month").parquet(scores);
  }

  /** Writes both tables under {@code output}, replacing the partitions present (as a windowed ingest + score). */
  public void writeTables(SparkSession spark, String output) {
    TableIO.write(spark.createDataset(articles, Article.ENCODER), output, Article.SPEC,
        TableIO.Mode.REPLACE_PARTITIONS, "fixture");
    scores(spark).write().mode("overwrite").option("partitionOverwriteMode", "dynamic")
        .partitionBy("year", "month").parquet(org.topicline.io.Tables.path(output, "topic_scores"));
    // A dynamic partition overwrite leaves no _SUCCESS at the top; the manifest is what marks a table complete.
    org.topicline.io.DataPaths.writeText(spark, org.topicline.io.Tables.path(
        org.topicline.io.DataPaths.normalise(org.topicline.io.Tables.path(output, "topic_scores")), "_manifest.json"),
        "{\"table\":\"topic_scores\"}\n");
  }
}
