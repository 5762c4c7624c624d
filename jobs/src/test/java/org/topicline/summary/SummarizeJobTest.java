package org.topicline.summary;

import org.topicline.io.WeightedTerm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.Article;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;

class SummarizeJobTest extends SparkTestBase {
  private static final SummarySettings SETTINGS = SummarySettings.from(TopiclineConf.load(null,
      java.util.Map.of("summary.digest.periods", "[month, week]")));
  /** The analyzer's words for keywords, as the command uses them. */
  private static final SummaryTokenizers TOKENIZERS = SummaryTokenizers.from(TopiclineConf.defaults());
  private static final String METHOD = "test";

  private static Article article(String id, String date, String title, String body, String dupOf) {
    Article a = new Article();
    LocalDate d = LocalDate.parse(date);
    a.setArticleId(id);
    a.setSource("test");
    a.setSourceId("s" + id);
    a.setPubDate(d);
    a.setTitle(title);
    a.setBody(body);
    a.setCharCount(body.length());
    a.setDupOf(dupOf);
    a.setYear(d.getYear());
    a.setMonth(d.getMonthValue());
    return a;
  }

  private static final String H2 = "全省建成加氢站12座，氢燃料电池汽车推广超过1000辆。会议要求加强氢能关键技术攻关。";

  private static List<Article> articles() {
    return List.of(
        article("a1", "2022-11-03", "氢能产业大会召开",
            "本报讯（记者 王五）全省氢能产业发展大会今天召开。会议指出，氢能是未来能源体系的重要组成部分。\n" + H2, null),
        article("a2", "2022-11-10", "加氢站建设提速", "我省加氢站建设提速。" + H2, null),
        article("a3", "2022-11-11", "加氢站建设提速", "我省加氢站建设提速。" + H2, "a2"),
        article("a4", "2022-12-01", "冬季供暖保障", "全省冬季供暖工作全面启动。各地加强供暖设施检修。", null));
  }

  private static Dataset<Row> topicScores(List<Article> articles) {
    StructType schema = new StructType()
        .add("article_id", DataTypes.StringType).add("topic", DataTypes.StringType)
        .add("probability", DataTypes.DoubleType).add("label", DataTypes.BooleanType);
    List<Row> rows = new ArrayList<>();
    for (Article a : articles) {
      boolean hydrogen = a.getTitle().contains("氢") || a.getBody().contains("氢");
      rows.add(RowFactory.create(a.getArticleId(), "hydrogen_energy", hydrogen ? 0.9 : 0.1, hydrogen));
    }
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void summarisesEveryArticleAndSkipsDigestsWithoutTopicScores() throws Exception {
    String out = newDir("nodigest").toUri().toString();
    TableIO.write(spark.createDataset(articles(), Article.ENCODER), out, Article.SPEC, TableIO.Mode.REPLACE, "r0");
    SummarizeJob.Result r = SummarizeJob.run(spark, new SummarizeJob.Options(out, SETTINGS, TOKENIZERS,
        TableIO.Mode.REPLACE, "r1"));
    assertEquals(4, r.summariesWritten());
    assertNotNull(r.digestsSkipped());
    assertTrue(r.summary().contains("topic digests skipped"), r.summary());
    List<ArticleSummary> rows = TableIO.read(spark, out, Tables.SUMMARIES, ArticleSummary.ENCODER).collectAsList();
    ArticleSummary a1 = rows.stream().filter(s -> s.getArticleId().equals("a1")).findFirst().orElseThrow();
    assertTrue(a1.getSummary().startsWith("全省氢能产业发展大会今天召开"), a1.getSummary());
    assertFalse(a1.getSummary().contains("记者"), a1.getSummary());
    assertFalse(a1.getSentences().isEmpty());
    assertFalse(a1.getKeywords().isEmpty());
    assertEquals(TOKENIZERS.method(), a1.getMethod());
    assertTrue(a1.getKeywords().stream().anyMatch(k -> k.getTerm().equals("氢能")), a1.getSummary());
    assertEquals(LocalDate.parse("2022-11-03"), a1.getPubDate());
  }

  @Test
  void digestsCoverLabelledOriginalsPerTopicAndPeriod() {
    List<Article> articles = articles();
    Dataset<ArticleSummary> summaries = SummaryStages.summariesByArticle(
        spark.createDataset(articles, Article.ENCODER), SETTINGS, TOKENIZERS);
    StructType idSchema = new StructType().add("article_id", DataTypes.StringType);
    List<Row> originalIds = articles.stream().filter(a -> a.getDupOf() == null)
        .map(a -> RowFactory.create(a.getArticleId())).toList();
    Dataset<Row> originals = spark.createDataFrame(originalIds, idSchema);
    List<TopicDigest> digests = new ArrayList<>(SummaryStages.digestsByTopicPeriod(summaries, originals,
        topicScores(articles), SETTINGS, TOKENIZERS).collectAsList());
    digests.sort(Comparator.comparing(TopicDigest::getPeriodType).thenComparing(TopicDigest::getPeriod));

    List<String> periods = digests.stream().map(d -> d.getPeriodType() + ":" + d.getPeriod()).toList();
    assertEquals(List.of("month:2022-11", "week:2022-W44", "week:2022-W45"), periods);
    TopicDigest month = digests.get(0);
    assertEquals("hydrogen_energy", month.getTopic());
    assertEquals(LocalDate.parse("2022-11-01"), month.getPeriodStart());
    assertEquals(2, month.getArticles()); // a3 reprints a2
    assertFalse(month.getSentences().isEmpty());
    assertTrue(month.getDigest().length() > 0);
    for (DigestSentence s : month.getSentences()) {
      assertFalse(s.getArticleIds().isEmpty());
      assertFalse(s.getArticleIds().contains("a3"), "a reprint is counted once, under its original");
      assertFalse(s.getArticleIds().contains("a4"), "a4 is not labelled");
    }
    assertFalse(month.getTopTerms().isEmpty());
    assertEquals(LocalDate.parse("2022-11-07"), digests.get(2).getPeriodStart());
  }

  @Test
  void aSentenceSharedByArticlesIsOneCandidateNamingThemAll() {
    DigestInput a = input("x1", "2022-11-02", "甲地召开氢能发布会。");
    DigestInput b = input("x2", "2022-11-05", "甲地召开氢能发布会。");
    TopicDigest d = new DigestBuilder(SETTINGS, Tokenizer.charBigrams()).build(List.of(b, a), METHOD);
    assertEquals(1, d.getSentences().size());
    assertEquals(List.of("x1", "x2"), d.getSentences().get(0).getArticleIds());
  }

  private static DigestInput input(String id, String date, String sentence) {
    DigestInput d = new DigestInput();
    d.setTopic("t");
    d.setPeriodType("month");
    d.setPeriod(date.substring(0, 7));
    d.setPeriodStart(LocalDate.parse(date).withDayOfMonth(1));
    d.setArticleId(id);
    d.setPubDate(LocalDate.parse(date));
    d.setProbability(0.8);
    d.setSentences(List.of(new SentenceScore(0, sentence, 1.0)));
    d.setKeywords(List.of(new WeightedTerm("氢能", 1.0)));
    return d;
  }
}
