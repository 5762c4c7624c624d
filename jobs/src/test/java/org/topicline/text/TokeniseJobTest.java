package org.topicline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.ingest.Article;
import org.topicline.io.DataPaths;
import org.topicline.io.RunLog;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;

class TokeniseJobTest extends SparkTestBase {
  private static final TextAnalyzer ANALYZER =
      new TextAnalyzer("viterbi", List.of("一网通办", "加氢站"), List.of("的"));

  /** An {@code articles} row of the ingest run "ingest-1" (also used by {@link NameCandidatesJobTest}). */
  static Article article(String id, String kicker, String title, String subtitle, String body) {
    Article a = new Article();
    a.setArticleId(id);
    a.setSource("test");
    a.setSourceId(id);
    a.setPubDate(LocalDate.of(2021, 3, 4));
    a.setYear(2021);
    a.setMonth(3);
    a.setKicker(kicker);
    a.setTitle(title);
    a.setSubtitle(subtitle);
    a.setBody(body);
    a.setCharCount(body.length());
    a.setRunId("ingest-1");
    return a;
  }

  @Test
  void writesEachArticlesWordsAndAttachesThemOnlyForTheSameAnalyzerAndIngestRun() throws Exception {
    String output = DataPaths.normalise(newDir("tok").toString());
    List<Article> articles = List.of(
        article("a", null, "推进一网通办", null, "市民的业务在一网通办办理。"),
        article("b", "引题", "建设加氢站", "——副题", "当地建设加氢站。"));
    TableIO.write(spark.createDataset(articles, Article.ENCODER), output, Article.SPEC, TableIO.Mode.REPLACE,
        "ingest-1");
    TokeniseJob.Result r = TokeniseJob.run(spark, new TokeniseJob.Options(output, ANALYZER, null, null, "h",
        "tokenise"));
    assertEquals(2, r.articles());

    Map<String, Row> stored = new java.util.HashMap<>();
    TableIO.read(spark, output, Tables.ARTICLE_TOKENS).collectAsList()
        .forEach(row -> stored.put(row.getAs("article_id"), row));
    for (Article a : articles) {
      Row t = stored.get(a.getArticleId());
      assertEquals(ANALYZER.tokens(a.getTitle()), t.getList(t.fieldIndex(ArticleTokens.TITLE)));
      assertEquals(ANALYZER.tokens(ArticleTokens.headline(a.getKicker(), a.getTitle(), a.getSubtitle())),
          t.getList(t.fieldIndex(ArticleTokens.HEADLINE)));
      assertEquals(ANALYZER.tokens(a.getBody()), t.getList(t.fieldIndex(ArticleTokens.BODY)));
      assertEquals("ingest-1", t.getAs("article_run_id"));
    }
    assertEquals("引题 建设加氢站 ——副题", ArticleTokens.headline("引题", "建设加氢站", "——副题"));
    assertEquals(List.of("tokenise"), RunLog.read(spark, output).select("command").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());

    Dataset<Row> typed = TableIO.read(spark, output, Tables.ARTICLES, Article.ENCODER).toDF();
    Map<String, String> body = Map.of(ArticleTokens.BODY, "body_words");
    Row same = ArticleTokens.attach(spark, output, typed.where("articleId = 'a'"), ANALYZER, body).first();
    assertEquals(ANALYZER.tokens("市民的业务在一网通办办理。"), same.getList(same.fieldIndex("body_words")));

    TextAnalyzer other = new TextAnalyzer("viterbi", List.of("一网通办"), List.of());
    assertNotEquals(ANALYZER.fingerprint(), other.fingerprint());
    Row otherAnalyzer = ArticleTokens.attach(spark, output, typed.where("articleId = 'a'"), other, body).first();
    assertNull(otherAnalyzer.get(otherAnalyzer.fieldIndex("body_words")), "tokens of another analyzer");
    Row reingested = ArticleTokens.attach(spark, output,
        typed.where("articleId = 'a'").withColumn("runId", org.apache.spark.sql.functions.lit("ingest-2")),
        ANALYZER, body).first();
    assertNull(reingested.get(reingested.fieldIndex("body_words")), "tokens of an earlier ingest of the article");
  }
}
