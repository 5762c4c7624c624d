package org.topicline.summary;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.topicline.ingest.Article;
import org.topicline.io.JobResult;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.text.ArticleTokens;

/**
 * Writes {@code summaries} (one extractive summary and keywords per article) and, when {@code topic_scores} exists,
 * {@code topic_digests} (one digest per topic and period).
 *
 * <p>Steps: 1) read articles with the title and body words {@code article_tokens} holds for them (keywords segment
 * only the articles it has none for) 2) summarise each article (one summarizer per partition) and write summaries
 * 3) if topic_scores exists: join labelled articles that are not reprints, group by topic and period, build and
 * write the digests.
 */
public final class SummarizeJob {
  /**
   * @param output the run's output folder: articles are read from it, tables written to it
   */
  public record Options(String output, SummarySettings settings, SummaryTokenizers tokenizers, TableIO.Mode mode,
      String runId) {}

  /**
   * @param digestsSkipped why no digests were written, or null
   */
  public record Result(String output, long articlesRead, long summariesWritten, long digestsWritten,
      String digestsSkipped) implements JobResult {
    @Override
    public String summary() {
      StringBuilder b = new StringBuilder();
      b.append(String.format("read %d articles from %s%n", articlesRead, Tables.path(output, Tables.ARTICLES)));
      b.append(String.format("wrote %d summaries to %s%n", summariesWritten, Tables.path(output, Tables.SUMMARIES)));
      if (digestsSkipped != null) {
        b.append("topic digests skipped: ").append(digestsSkipped).append('\n');
      } else {
        b.append(String.format("wrote %d topic digests to %s%n", digestsWritten,
            Tables.path(output, Tables.TOPIC_DIGESTS)));
      }
      return b.toString();
    }
  }

  private SummarizeJob() {}

  public static Result run(SparkSession spark, Options o) {
    spark.sparkContext().setJobGroup("summarize", "1) read articles", false);
    Dataset<Article> articles = TableIO.read(spark, o.output(), Tables.ARTICLES, Article.ENCODER);
    Dataset<ArticleText> texts = SummaryStages.texts(articles, ArticleTokens.stored(spark, o.output(),
        o.tokenizers().keywords(), SummaryStages.STORED_WORDS));

    spark.sparkContext().setJobGroup("summarize", "2) summarise articles, write summaries", false);
    Dataset<ArticleSummary> summaries = SummaryStages.summariesByArticle(texts, o.settings(), o.tokenizers())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long written = TableIO.write(summaries, o.output(), ArticleSummary.SPEC, o.mode(), o.runId());
      if (!TableIO.exists(spark, o.output(), Tables.TOPIC_SCORES)) {
        return new Result(o.output(), written, written, 0,
            "no " + Tables.TOPIC_SCORES + " table in " + o.output() + " (run score first)");
      }
      if (o.settings().digest().periods().isEmpty()) {
        return new Result(o.output(), written, written, 0, "summary.digest.periods is empty");
      }
      spark.sparkContext().setJobGroup("summarize", "3) build and write topic digests", false);
      Dataset<Row> originals = TableIO.read(spark, o.output(), Tables.ARTICLES)
          .where(col("dup_of").isNull()).select(SummaryStages.ARTICLE_ID);
      Dataset<Row> scores = TableIO.read(spark, o.output(), Tables.TOPIC_SCORES);
      Dataset<TopicDigest> digests = SummaryStages.digestsByTopicPeriod(summaries, originals, scores, o.settings(),
          o.tokenizers());
      long digestCount = TableIO.write(digests, o.output(), TopicDigest.SPEC, TableIO.Mode.REPLACE, o.runId());
      return new Result(o.output(), written, written, digestCount, null);
    } finally {
      summaries.unpersist();
      spark.sparkContext().clearJobGroup();
    }
  }
}
