package org.topicline.summary;

import org.topicline.io.WeightedTerm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.topicline.Shared;
import org.topicline.SparkTestBase;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.Article;
import org.topicline.ingest.ParsedRecord;
import org.topicline.ingest.XwlbAdapter;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.text.ArticleTokens;
import org.topicline.text.TextAnalyzer;
import org.topicline.text.TokeniseJob;

class SummarizeJobTest extends SparkTestBase {
  private static final SummarySettings SETTINGS = SummarySettings.from(TopiclineConf.load(null,
      java.util.Map.of("summary.digest.periods", "[month, week]")));
  /** The analyzer's words for keywords, as the command uses them. */
  private static final SummaryTokenizers TOKENIZERS = SummaryTokenizers.from(TopiclineConf.defaults(), SETTINGS);
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

  /** Articles whose keyword sentences are not simply the start of the body: lead-ins, bylines, paragraphs, Latin. */
  private static List<Article> varied() {
    return List.of(
        article("v1", "2021-03-04", "数字政府建设加快推进",
            "央视网消息（新闻联播）：国务院办公厅日前印发意见，加快推进数字政府建设。\n"
                + "意见提出，到2025年，“一网通办”能力显著增强，政务服务事项基本实现全程网办。\n"
                + "（记者 李四）\n各地要推动5G网络和ＡＩ技术在政务服务中的应用，U.S. 等国家的经验可以借鉴。", null),
        article("v2", "2021-03-05", "党史学习教育动员大会召开",
            "新华社北京3月4日电（记者 王五）党史学习教育动员大会今天在北京召开。大会强调，要把党史学习教育同解决实际问题"
                + "结合起来！全党要认真学习党史。学史明理、学史增信、学史崇德、学史力行。", null),
        article("v3", "2021-03-06", null, "短讯。全省春耕生产有序展开，农业农村部门加强技术指导。", null));
  }

  /** Summary, picked sentences and keywords of each article in a summaries table, as comparable text. */
  private static Map<String, String> writtenSummaries(String out) {
    Map<String, String> m = new TreeMap<>();
    for (ArticleSummary s : TableIO.read(spark, out, Tables.SUMMARIES, ArticleSummary.ENCODER).collectAsList()) {
      StringBuilder b = new StringBuilder(s.getSummary());
      s.getSentences().forEach(p -> b.append(" | ").append(p.getIndex()).append(':').append(p.getText())
          .append(':').append(p.getScore()));
      s.getKeywords().forEach(k -> b.append(" | ").append(k.getTerm()).append(':').append(k.getWeight()));
      m.put(s.getArticleId(), b.toString());
    }
    return m;
  }

  private static void writeArticles(String out, List<Article> articles) {
    articles.forEach(a -> a.setRunId("ingest-1"));
    TableIO.write(spark.createDataset(articles, Article.ENCODER), out, Article.SPEC, TableIO.Mode.REPLACE,
        "ingest-1");
  }

  @Test
  void storedWordsGiveTheSameSummariesAndKeywordsAsSegmenting() throws Exception {
    List<Article> articles = new ArrayList<>(articles());
    articles.addAll(varied());
    assertStoredWordsChangeNothing("stored", articles);
  }

  /** The same on real broadcasts, where HanLP's words of a whole body and of its sentences alone do differ. */
  @Test
  void storedWordsChangeNothingOnRealBroadcasts() throws Exception {
    Path day = Shared.data("xwlb/2021");
    List<Article> articles = new ArrayList<>();
    XwlbAdapter adapter = new XwlbAdapter();
    for (String file : List.of("20210104.json.gz", "20210105.json.gz", "20210106.json.gz")) {
      Path f = day.resolve(file);
      for (ParsedRecord r : adapter.parse(f.toUri().toString(), Files.readAllBytes(f))) {
        if (r.isArticle()) {
          articles.add(article("x" + articles.size(), r.getPubDate().toString(), r.getTitle(), r.getBody(), null));
        }
      }
    }
    assertTrue(articles.size() > 30, "articles: " + articles.size());
    assertStoredWordsChangeNothing("real", articles);
  }

  /** Summaries written with the words tokenise stored equal those written segmenting every article. */
  private static void assertStoredWordsChangeNothing(String name, List<Article> articles) throws Exception {
    String out = newDir(name).toUri().toString();
    writeArticles(out, articles);
    SummarizeJob.run(spark, new SummarizeJob.Options(out, SETTINGS, TOKENIZERS, TableIO.Mode.REPLACE, "r1"));
    Map<String, String> segmented = writtenSummaries(out);

    TokeniseJob.run(spark, new TokeniseJob.Options(out, TOKENIZERS.keywords(), null, null, "h", "tokenise"));
    SummarizeJob.run(spark, new SummarizeJob.Options(out, SETTINGS, TOKENIZERS, TableIO.Mode.REPLACE, "r2"));
    Map<String, String> stored = writtenSummaries(out);
    assertEquals(articles.size(), stored.size());
    assertEquals(segmented, stored);
  }

  /**
   * Keywords come from the stored words when the analyzer and the ingest run match (made-up words prove it: the
   * analyzer would never give them), from the article's own segmentation otherwise; stored words of a cut lead-in
   * give no keyword.
   */
  @Test
  void keywordsUseTheStoredWordsOfTheSameAnalyzerAndIngestRun() throws Exception {
    String out = newDir("doctored").toUri().toString();
    String body = "央视网消息（新闻联播）：全省氢能产业发展大会今天召开。会议指出，氢能产业是未来能源体系的重要组成部分。";
    writeArticles(out, new ArrayList<>(List.of(article("d1", "2022-11-03", "氢能大会召开", body, null),
        article("d2", "2022-11-03", "氢能大会召开", body, null))));
    TextAnalyzer analyzer = TOKENIZERS.keywords();
    List<String> made = List.of("央视网消息", "新闻联播", "全省氢能产业发展大会", "今天", "召开", "会议指出", "氢能产业",
        "未来能源体系", "重要组成部分");
    List<ArticleTokens> rows = new ArrayList<>();
    for (String[] idRun : new String[][] {{"d1", "ingest-1"}, {"d2", "ingest-0"}}) {
      ArticleTokens t = new ArticleTokens();
      t.setArticleId(idRun[0]);
      t.setArticleRunId(idRun[1]);
      t.setTitleTokens(analyzer.tokens("氢能大会召开"));
      t.setHeadlineTokens(analyzer.tokens("氢能大会召开"));
      t.setBodyTokens(made);
      t.setAnalyzer(analyzer.fingerprint());
      t.setRunId("tok-1");
      t.setYear(2022);
      t.setMonth(11);
      rows.add(t);
    }
    TableIO.write(spark.createDataset(rows, ArticleTokens.ENCODER), out, ArticleTokens.SPEC, TableIO.Mode.REPLACE,
        "tok-1");
    SummarizeJob.run(spark, new SummarizeJob.Options(out, SETTINGS, TOKENIZERS, TableIO.Mode.REPLACE, "r1"));
    Map<String, List<String>> keywords = new TreeMap<>();
    TableIO.read(spark, out, Tables.SUMMARIES, ArticleSummary.ENCODER).collectAsList().forEach(s ->
        keywords.put(s.getArticleId(), s.getKeywords().stream().map(WeightedTerm::getTerm).toList()));
    assertTrue(keywords.get("d1").containsAll(List.of("全省氢能产业发展大会", "未来能源体系")), keywords.toString());
    assertFalse(keywords.get("d1").contains("央视网消息"), "the lead-in is cut: " + keywords);
    assertFalse(keywords.get("d2").contains("全省氢能产业发展大会"), "tokens of an earlier ingest: " + keywords);
    assertTrue(keywords.get("d2").contains("能源"), "segmented on the fly: " + keywords);
    assertFalse(keywords.get("d1").contains("能源"), keywords.toString());
  }

  @Test
  void digestsCoverLabelledOriginalsPerTopicAndPeriod() throws Exception {
    List<Article> articles = new ArrayList<>(articles());
    // In the month and week of a2, but not labelled with the topic.
    articles.add(article("a5", "2022-11-10", "冬季供暖保障", "全省冬季供暖工作全面启动。各地加强供暖设施检修。", null));
    Dataset<ArticleSummary> summaries = SummaryStages.summariesByArticle(
        SummaryStages.texts(spark.createDataset(articles, Article.ENCODER), null), SETTINGS, TOKENIZERS);
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
    assertEquals(2, month.getArticles()); // a3 reprints a2; a5 is not labelled
    assertFalse(month.getSentences().isEmpty());
    assertTrue(month.getDigest().length() > 0);
    for (DigestSentence s : month.getSentences()) {
      assertFalse(s.getArticleIds().isEmpty());
      assertFalse(s.getArticleIds().contains("a3"), "a reprint is counted once, under its original");
      assertFalse(s.getArticleIds().contains("a5"), "a5 is not labelled");
    }
    assertFalse(month.getTopTerms().isEmpty());
    assertEquals(LocalDate.parse("2022-11-07"), digests.get(2).getPeriodStart());

    // Written as a table: nested fields are snake_case for SQL readers too, and the rows read back unchanged.
    String out = newDir("digests").toUri().toString();
    TableIO.write(spark.createDataset(digests, TopicDigest.ENCODER), out, TopicDigest.SPEC, TableIO.Mode.REPLACE,
        "d1");
    Dataset<Row> raw = spark.read().parquet(Tables.path(out, Tables.TOPIC_DIGESTS));
    StructType sentence = (StructType) ((ArrayType) raw.schema().apply("sentences").dataType()).elementType();
    assertEquals(List.of("article_ids", "score", "text"), List.of(sentence.fieldNames()));
    assertEquals(month.getSentences().get(0).getArticleIds(), raw.filter("period = '2022-11'")
        .selectExpr("sentences[0].article_ids").first().getList(0));
    TopicDigest back = TableIO.read(spark, out, Tables.TOPIC_DIGESTS, TopicDigest.ENCODER)
        .filter("period = '2022-11'").first();
    assertEquals(month.getSentences().stream().map(DigestSentence::getArticleIds).toList(),
        back.getSentences().stream().map(DigestSentence::getArticleIds).toList());
    assertEquals(month.getDigest(), back.getDigest());
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
