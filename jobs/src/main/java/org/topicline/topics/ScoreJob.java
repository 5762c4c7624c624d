package org.topicline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.topicline.ingest.Article;
import org.topicline.io.DateWindow;
import org.topicline.io.JobResult;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.text.TextAnalyzer;

/**
 * {@code topicline score}: applies a model version (default: the latest) to {@code articles} in a window and
 * writes {@code topic_scores}, replacing only the months it scored.
 *
 * <p>Steps: 1) load the model and compare its dictionary hash with the conf's; 2) read articles; 3) segment (or take
 * the tokens article_tokens holds from the model's own analyzer) and featurise once, score every topic with
 * evidence; 4) write {@code topic_scores}.
 */
public final class ScoreJob {
  public static final String COMMAND = "score";
  private static final String POSITIVES = "positives";
  private static final String HELD_BACK = "held_back";

  public record Options(String output, String modelsDir, String version, LocalDate from, LocalDate to,
      int evidenceTerms, TextAnalyzer analyzer, String confHash, String runId, String commandLine) {}

  /**
   * @param heldBack rows whose probability reaches the topic's threshold but which the rules keep unlabelled (a
   *     passing mention or a rules negative: {@code topic_scores.rules})
   */
  public record Result(String version, long articles, long rows, long positives, long heldBack, String warning,
      String table) implements JobResult {
    @Override
    public String summary() {
      return (warning == null ? "" : "WARNING: " + warning + "\n")
          + String.format("score: model %s scored %d articles: %d topic_scores rows (%d labelled positive; %d more "
          + "reach the threshold but the rules read a passing mention or a negative) written to %s", version,
          articles, rows, positives, heldBack, table);
    }
  }

  private ScoreJob() {}

  /** A warning when the model's segmenter and dictionary differ from the conf's, else null. */
  public static String dictionaryWarning(TopicModel model, TextAnalyzer conf) {
    if (model.dictionaryHash().equals(conf.dictionaryHash())) {
      return null;
    }
    return "model " + model.version() + " was trained with dictionary hash " + model.dictionaryHash()
        + " but the conf's dictionaries and stop words hash to " + conf.dictionaryHash()
        + "; scoring tokenises as the model was trained (its own dictionary), retrain to use the new one";
  }

  /** Whether a row's probability reaches its topic's threshold. */
  private static Column reachesThreshold(TopicModel model) {
    Column reaches = lit(false);
    for (TopicModel.Topic t : model.topics()) {
      reaches = reaches.or(col("topic").equalTo(t.id()).and(col("probability").geq(t.threshold())));
    }
    return reaches;
  }

  public static Result run(SparkSession spark, Options o) {
    RunRecord record = RunLog.start(o.runId(), COMMAND, o.commandLine(), o.confHash());
    return RunLog.logged(spark, o.output(), record, () -> {
      spark.sparkContext().setJobGroup("score", "1) load the model", false);
      String version = o.version() != null ? o.version() : TopicModel.latestVersion(spark, o.modelsDir());
      TopicModel model = TopicModel.load(spark, o.modelsDir(), version);
      String warning = dictionaryWarning(model, o.analyzer());
      if (warning != null) {
        System.err.println("WARNING: " + warning);
      }
      spark.sparkContext().setJobGroup("score", "2) read articles", false);
      Dataset<Article> articles = TableIO.read(spark, o.output(), Tables.ARTICLES, Article.ENCODER)
          .filter(DateWindow.withinMonths("pubDate", o.from(), o.to()));
      spark.sparkContext().setJobGroup("score", "3) segment, featurise, score", false);
      Dataset<TopicScore> scores = model.score(TopicFeatures.withStoredTokens(spark, o.output(), articles.toDF(),
          model.tokenizer().analyzer()), o.evidenceTerms());
      spark.sparkContext().setJobGroup("score", "4) write topic_scores", false);
      // Labels are counted while writing: caching every score (evidence included) only to count them cost memory.
      Map<String, Long> written = TableIO.write(scores, o.output(), TopicScore.SPEC,
          TableIO.Mode.REPLACE_PARTITIONS, o.runId(), Map.of(POSITIVES, count_if(col("label")),
              HELD_BACK, count_if(not(col("label")).and(reachesThreshold(model)))));
      long rows = written.get(TableIO.ROWS);
      long positives = written.get(POSITIVES);
      long n = rows / Math.max(1, model.topics().size());
      record.setRecordsRead(n);
      record.getRowsWritten().put(Tables.TOPIC_SCORES, rows);
      return new Result(version, n, rows, positives, written.get(HELD_BACK), warning,
          org.topicline.io.Tables.path(o.output(), Tables.TOPIC_SCORES));
    });
  }
}
