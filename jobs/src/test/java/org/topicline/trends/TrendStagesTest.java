package org.topicline.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.text.TextAnalyzer;

class TrendStagesTest extends SparkTestBase {
  static TrendsSettings settings(List<Granularity> gs) {
    Map<Granularity, Integer> ma = new EnumMap<>(Granularity.class);
    for (Granularity g : Granularity.values()) {
      ma.put(g, 3);
    }
    return new TrendsSettings(gs, ma, 3, 2.0, 2, 5, 10.0, 1, 0.0);
  }

  private static Row one(Dataset<Row> trends, String granularity, String period, String source) {
    List<Row> rows = trends.filter("granularity = '" + granularity + "' and period_start = date'" + period
        + "' and source = '" + source + "'").collectAsList();
    assertEquals(1, rows.size(), granularity + " " + period + " " + source + ": " + rows);
    return rows.get(0);
  }

  @Test
  void monthsWithoutArticlesAreZeroAndReprintsCountOnce() {
    TrendFixtures f = new TrendFixtures()
        .article("a1", "xwlb", "2020-01-05", null, "t", "氢能")
        .article("a2", "xwlb", "2020-01-06", null, "t")
        .article("a3", "xwlb", "2020-01-07", "a1", "t", "氢能")
        .article("a4", "pd", "2020-03-01", null, "t", "氢能")
        .article("a5", "pd", "2020-03-02", null, "t");
    Dataset<Row> counted = TrendStages.countedArticles(f.articles(spark));
    Dataset<Row> trends = TrendStages.trends(f.scores(spark), counted,
        settings(List.of(Granularity.MONTH, Granularity.QUARTER))).cache();

    Row jan = one(trends, "month", "2020-01-01", "xwlb");
    assertEquals(2L, jan.<Long>getAs("article_count"), "the reprint a3 is not counted");
    assertEquals(1L, jan.<Long>getAs("topic_count"));
    assertEquals(0.5, jan.<Double>getAs("share"), 1e-9);
    assertEquals(0.5, jan.<Double>getAs("mean_probability"), 1e-9);
    assertNull(jan.getAs("share_change_prev"));

    Row feb = one(trends, "month", "2020-02-01", "all");
    assertEquals(0L, feb.<Long>getAs("article_count"));
    assertEquals(0L, feb.<Long>getAs("topic_count"));
    assertEquals(0.0, feb.<Double>getAs("share"));
    assertNull(feb.getAs("mean_probability"));
    assertEquals(-0.5, feb.<Double>getAs("share_change_prev"), 1e-9);

    Row marAll = one(trends, "month", "2020-03-01", "all");
    assertEquals(2L, marAll.<Long>getAs("article_count"));
    assertEquals((0.5 + 0.0 + 0.5) / 3, marAll.<Double>getAs("moving_average"), 1e-9);
    // xwlb published nothing in March: a zero row, not a hole.
    assertEquals(0L, one(trends, "month", "2020-03-01", "xwlb").<Long>getAs("article_count"));

    Row q1 = one(trends, "quarter", "2020-01-01", "all");
    assertEquals(4L, q1.<Long>getAs("article_count"));
    assertEquals(2L, q1.<Long>getAs("topic_count"));
    // topic x (xwlb, pd, all) x 3 months + topic x 3 sources x 1 quarter
    assertEquals(12, trends.count());
  }

  @Test
  void yearOnYearChangeAndBurst() {
    TrendFixtures f = new TrendFixtures();
    // One article a month for 15 months, none about the topic, then three of four in 2021-03.
    LocalDate d = LocalDate.of(2020, 1, 10);
    for (int i = 0; i < 15; i++) {
      f.article("x" + i, "xwlb", d.plusMonths(i).toString(), null, "t");
    }
    f.article("b1", "xwlb", "2021-03-11", null, "t", "新词");
    f.article("b2", "xwlb", "2021-03-12", null, "t", "新词");
    f.article("b3", "xwlb", "2021-03-13", null, "t", "新词");
    f.article("early", "xwlb", "2020-03-20", null, "t", "旧词");
    Dataset<Row> counted = TrendStages.countedArticles(f.articles(spark));
    Dataset<Row> trends = TrendStages.trends(f.scores(spark), counted, settings(List.of(Granularity.MONTH)))
        .cache();

    Row mar21 = one(trends, "month", "2021-03-01", "all");
    assertEquals(0.75, mar21.<Double>getAs("share"), 1e-9);
    assertEquals(0.75 - 0.5, mar21.<Double>getAs("share_change_year"), 1e-9, "March 2020 had 1 of 2");
    assertTrue(mar21.<Boolean>getAs("burst"));
    Row mar20 = one(trends, "month", "2020-03-01", "all");
    assertNull(mar20.getAs("share_change_year"), "nothing a year before the first month");
    assertFalse(mar20.<Boolean>getAs("burst"), "only 2 previous months: no baseline yet");
    assertEquals(0, trends.filter("burst and period_start <> date'2021-03-01'").count());
  }

  @Test
  void risingTermsRankTheMonthsNewVocabulary() throws Exception {
    TrendFixtures f = new TrendFixtures();
    for (int i = 0; i < 6; i++) {
      f.article("o" + i, "xwlb", "2020-0" + (i % 3 + 1) + "-1" + i, null, "t", "氢能", "产业");
    }
    f.article("n1", "xwlb", "2020-04-02", null, "t", "氢能", "燃料电池");
    f.article("n2", "xwlb", "2020-04-03", null, "t", "燃料电池", "加氢站");
    f.article("n3", "xwlb", "2020-04-04", null, "t", "燃料电池");
    f.article("x1", "xwlb", "2020-04-05", null, "t");
    Dataset<Row> counted = TrendStages.countedArticles(f.articles(spark));
    TextAnalyzer analyzer = new TextAnalyzer("viterbi", List.of("氢能", "燃料电池", "加氢站"), List.of());
    Dataset<Row> termDocs = TrendStages.topicTermDocs(f.scores(spark), f.articles(spark), counted, analyzer);
    assertEquals(List.of("产业", "氢能"), termDocs.filter("article_id = 'o1'").select("term").orderBy("term")
        .as(Encoders.STRING()).collectAsList());
    assertEquals(0, termDocs.filter("article_id like 'x%'").count(), "only labelled articles are tokenised");
    String output = org.topicline.io.DataPaths.normalise(newDir("stored").toString());
    f.writeTables(spark, output);
    org.topicline.text.TokeniseJob.run(spark, new org.topicline.text.TokeniseJob.Options(output, analyzer, null,
        null, "h", "tokenise"));
    Dataset<Row> stored = org.topicline.text.ArticleTokens.stored(spark, output, analyzer,
        java.util.Map.of("title_tokens", "title_tokens", "body_tokens", "body_tokens"));
    assertEquals(termDocs.orderBy("article_id", "topic", "term").collectAsList(),
        TrendStages.topicTermDocs(f.scores(spark), f.articles(spark), counted, analyzer, stored)
            .orderBy("article_id", "topic", "term").collectAsList(), "the stored words are the same words");
    List<Row> april = TrendStages.risingTerms(termDocs, settings(List.of(Granularity.MONTH)))
        .filter("period_start = date'2020-04-01'").orderBy("rank").collectAsList();
    assertEquals("燃料电池", april.get(0).getAs("term"));
    assertEquals(1, april.get(0).<Integer>getAs("rank"));
    assertEquals(3L, april.get(0).<Long>getAs("month_articles"));
    assertEquals(2, april.size(), "氢能 is no more frequent in April than before: " + april);
    assertEquals("加氢站", april.get(1).getAs("term"));
    assertTrue(april.get(0).<Double>getAs("weight") > april.get(1).<Double>getAs("weight"));

    // 燃料电池 in all three April articles and never before: z 1.90; 加氢站 in one: z 0.96.
    TrendsSettings s = settings(List.of(Granularity.MONTH));
    TrendsSettings atLeast = new TrendsSettings(s.granularities(), s.movingAverage(), s.burstLookback(),
        s.burstSigmas(), s.burstMinCount(), s.termsTop(), s.termsPriorStrength(), s.termsMinArticles(), 1.5);
    assertEquals(List.of("燃料电池"), TrendStages.risingTerms(termDocs, atLeast)
        .filter("period_start = date'2020-04-01'").orderBy("rank").select("term").as(Encoders.STRING())
        .collectAsList(), "min-z 1.5 keeps the term whose rise is clear and drops the one-article one");
    assertEquals(1.90, april.get(0).<Double>getAs("weight"), 0.005);
    assertEquals(0.96, april.get(1).<Double>getAs("weight"), 0.005);
  }
}
