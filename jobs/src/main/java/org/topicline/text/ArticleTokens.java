package org.topicline.text;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topicline.io.TableIO;
import org.topicline.io.TableSpec;
import org.topicline.io.Tables;

/**
 * A row of {@code article_tokens}: an article's words as one analyzer segments them, written once per run by
 * {@code tokenise} so that train, score and trends read them instead of segmenting the article again.
 *
 * <p>A reader uses a row only when its {@code analyzer} fingerprint equals its own analyzer's and its
 * {@code article_run_id} equals the article's {@code run_id} (a re-ingested article has new text, maybe); any other
 * article is segmented on the fly, so the tokens a job sees never depend on whether the table is there.
 */
public class ArticleTokens implements Serializable {
  public static final Encoder<ArticleTokens> ENCODER = Encoders.bean(ArticleTokens.class);

  public static final TableSpec SPEC = TableSpec.builder(Tables.ARTICLE_TOKENS)
      .column("article_id", "the article (articles.article_id)")
      .column("article_run_id", "run_id of the articles row that was segmented (tokens of a re-ingested article are "
          + "not reused)")
      .column("title_tokens", "the words of the title")
      .column("headline_tokens", "the words of kicker, title and subtitle joined by spaces (the topic models' "
          + "headline)")
      .column("body_tokens", "the words of the body")
      .column("analyzer", "fingerprint of the analyzer that segmented them (segmenter, dictionary, stop words, "
          + "normalisation): readers with another analyzer segment again")
      .column("run_id", "the tokenise run that wrote the row")
      .partitionBy(Tables.YEAR, Tables.MONTH)
      .build();

  /** Stored column: the words of the title. */
  public static final String TITLE = "title_tokens";
  /** Stored column: the words of the headline ({@link #headline}). */
  public static final String HEADLINE = "headline_tokens";
  /** Stored column: the words of the body. */
  public static final String BODY = "body_tokens";

  private String articleId;
  private String articleRunId;
  private List<String> titleTokens;
  private List<String> headlineTokens;
  private List<String> bodyTokens;
  private String analyzer;
  private String runId;
  private int year;
  private int month;

  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public String getArticleRunId() { return articleRunId; }
  public void setArticleRunId(String v) { articleRunId = v; }
  public List<String> getTitleTokens() { return titleTokens; }
  public void setTitleTokens(List<String> v) { titleTokens = v; }
  public List<String> getHeadlineTokens() { return headlineTokens; }
  public void setHeadlineTokens(List<String> v) { headlineTokens = v; }
  public List<String> getBodyTokens() { return bodyTokens; }
  public void setBodyTokens(List<String> v) { bodyTokens = v; }
  public String getAnalyzer() { return analyzer; }
  public void setAnalyzer(String v) { analyzer = v; }
  public String getRunId() { return runId; }
  public void setRunId(String v) { runId = v; }
  public int getYear() { return year; }
  public void setYear(int v) { year = v; }
  public int getMonth() { return month; }
  public void setMonth(int v) { month = v; }

  /**
   * The headline the topic models segment: kicker, title and subtitle joined by a space, nulls left out (SQL's
   * {@code concat_ws(' ', kicker, title, subtitle)}).
   */
  public static String headline(String kicker, String title, String subtitle) {
    List<String> parts = new ArrayList<>(3);
    for (String p : Arrays.asList(kicker, title, subtitle)) {
      if (p != null) {
        parts.add(p);
      }
    }
    return String.join(" ", parts);
  }

  /** Segments one article's title, headline and body; the headline reuses the title's words when it is the title. */
  static ArticleTokens of(TextAnalyzer analyzer, String fingerprint, String runId, String articleId,
      String articleRunId, String kicker, String title, String subtitle, String body, int year, int month) {
    ArticleTokens t = new ArticleTokens();
    t.setArticleId(articleId);
    t.setArticleRunId(articleRunId);
    List<String> titleTokens = analyzer.tokens(title);
    String headline = headline(kicker, title, subtitle);
    t.setTitleTokens(titleTokens);
    t.setHeadlineTokens(Objects.equals(headline, title) ? titleTokens : analyzer.tokens(headline));
    t.setBodyTokens(analyzer.tokens(body));
    t.setAnalyzer(fingerprint);
    t.setRunId(runId);
    t.setYear(year);
    t.setMonth(month);
    return t;
  }

  /** Key columns of {@link #stored}: the article id and the run that ingested it. */
  public static final String KEY_ID = "tl_tok_id";
  public static final String KEY_RUN = "tl_tok_run";

  /**
   * The rows of {@code article_tokens} that {@code analyzer} made: {@link #KEY_ID}, {@link #KEY_RUN} and the stored
   * {@code columns} (stored column to the name it gets); null when there is no table.
   */
  public static Dataset<Row> stored(SparkSession spark, String output, TextAnalyzer analyzer,
      Map<String, String> columns) {
    if (!TableIO.exists(spark, output, Tables.ARTICLE_TOKENS)) {
      return null;
    }
    List<Column> kept = new ArrayList<>(List.of(col("article_id").as(KEY_ID), col("article_run_id").as(KEY_RUN)));
    columns.forEach((column, as) -> kept.add(col(column).as(as)));
    return TableIO.read(spark, output, Tables.ARTICLE_TOKENS)
        .where(col("analyzer").equalTo(analyzer.fingerprint()))
        .select(kept.toArray(Column[]::new));
  }

  /**
   * {@code articles} with stored token columns added ({@code columns}: stored column to the name it gets), null
   * where {@code article_tokens} has no row for the article from {@code analyzer} and the article's ingest run;
   * the articles unchanged when there is no table.
   */
  public static Dataset<Row> attach(SparkSession spark, String output, Dataset<Row> articles, TextAnalyzer analyzer,
      Map<String, String> columns) {
    Dataset<Row> stored = stored(spark, output, analyzer, columns);
    return stored == null ? articles : attach(articles, stored);
  }

  /**
   * {@code articles} left-joined with {@link #stored} rows on article id and ingest run. The articles' id and run
   * columns are {@code articleId}/{@code runId} (typed articles) or {@code article_id}/{@code run_id} (table rows).
   */
  public static Dataset<Row> attach(Dataset<Row> articles, Dataset<Row> stored) {
    boolean camel = Arrays.asList(articles.columns()).contains("articleId");
    String id = camel ? "articleId" : "article_id";
    String run = camel ? "runId" : "run_id";
    // Null-safe on the run: articles written by something other than ingest may have none.
    return articles.join(stored, articles.col(id).equalTo(stored.col(KEY_ID))
            .and(articles.col(run).eqNullSafe(stored.col(KEY_RUN))), "left")
        .drop(KEY_ID, KEY_RUN);
  }
}
