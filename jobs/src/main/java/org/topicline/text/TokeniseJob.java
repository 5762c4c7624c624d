package org.topicline.text;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topicline.io.DataPaths;
import org.topicline.io.DateWindow;
import org.topicline.io.JobResult;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;

/**
 * {@code topicline tokenise}: segments every article once and writes {@code article_tokens}, which train, score and
 * trends read instead of segmenting the article again.
 *
 * <p>Steps: 1) read articles (reprints too: score scores them) in the window 2) segment title, headline and body
 * with the conf's analyzer 3) write {@code article_tokens}: the whole table, or with --from/--to only the window's
 * months 4) log the run.
 */
public final class TokeniseJob {
  public static final String COMMAND = "tokenise";

  /** Typed options; {@code from}/{@code to} (nullable) restrict the run to a publication window. */
  public record Options(String output, TextAnalyzer analyzer, LocalDate from, LocalDate to, String confHash,
      String commandLine) {
    public Options {
      if (output == null || output.isBlank()) {
        throw new IllegalArgumentException("--output is needed");
      }
      if (from != null && to != null && from.isAfter(to)) {
        throw new IllegalArgumentException("--from " + from + " is after --to " + to);
      }
    }
  }

  public record Result(String runId, String output, long articles, String analyzer) implements JobResult {
    @Override
    public String summary() {
      return "tokenise " + runId + '\n'
          + String.format("  tokens    %,10d articles (analyzer %s) -> %s%n", articles, analyzer.substring(0, 12),
              Tables.path(output, Tables.ARTICLE_TOKENS))
          + "  run log   -> " + Tables.path(output, Tables.RUNS);
    }
  }

  private TokeniseJob() {}

  public static Result run(SparkSession spark, Options o) {
    String output = DataPaths.normalise(o.output());
    String runId = RunLog.newRunId();
    RunRecord run = RunLog.start(runId, COMMAND, o.commandLine(), o.confHash());
    return RunLog.logged(spark, output, run, () -> {
      if (!TableIO.exists(spark, output, Tables.ARTICLES)) {
        throw new IllegalStateException("no " + Tables.ARTICLES + " table under " + output + ": run ingest first");
      }
      spark.sparkContext().setJobGroup("tokenise", "tokenise: segment every article, write article_tokens", false);
      Dataset<Row> articles = TableIO.read(spark, output, Tables.ARTICLES)
          .where(DateWindow.withinMonths("pub_date", o.from(), o.to()));
      Dataset<ArticleTokens> tokens = tokensByArticle(articles, o.analyzer(), runId);
      boolean windowed = o.from() != null || o.to() != null;
      long written = TableIO.write(tokens, output, ArticleTokens.SPEC,
          windowed ? TableIO.Mode.REPLACE_PARTITIONS : TableIO.Mode.REPLACE, runId);
      spark.sparkContext().clearJobGroup();
      run.setRecordsRead(written);
      run.setRowsWritten(new java.util.LinkedHashMap<>(Map.of(Tables.ARTICLE_TOKENS, written)));
      return new Result(runId, output, written, o.analyzer().fingerprint());
    });
  }

  /** One row of tokens per article (snake_case {@code articles} rows). */
  public static Dataset<ArticleTokens> tokensByArticle(Dataset<Row> articles, TextAnalyzer analyzer, String runId) {
    return articles.select("article_id", "run_id", "kicker", "title", "subtitle", "body", "year", "month")
        .map(new Segment(analyzer, analyzer.fingerprint(), runId), ArticleTokens.ENCODER);
  }

  /** Segments one article; the analyzer finds this JVM's segmenter on first use. */
  private record Segment(TextAnalyzer analyzer, String fingerprint, String runId)
      implements MapFunction<Row, ArticleTokens> {
    @Override
    public ArticleTokens call(Row r) {
      return ArticleTokens.of(analyzer, fingerprint, runId, r.getString(0), r.getString(1), r.getString(2),
          r.getString(3), r.getString(4), r.getString(5), r.getInt(6), r.getInt(7));
    }
  }
}
