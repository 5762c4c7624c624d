package org.topicline.topics;

import org.topicline.io.WeightedTerm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.Article;
import org.topicline.io.DataPaths;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.text.TextAnalyzer;

/** Train on a small hand-made corpus, then score it: the end-to-end path in a few seconds. */
class TrainScoreJobTest extends SparkTestBase {
  private static String output;
  private static String models;
  private static TrainJob.Result trained;
  private static TextAnalyzer analyzer;

  private static final String[] GOV = {"一网通办", "跨省通办", "电子证照", "政务服务平台", "数字政府"};
  private static final String[] H2 = {"加氢站", "燃料电池", "氢能", "制氢", "氢燃料"};
  private static final String[] PARTY = {"党史学习教育", "主题教育", "宣讲团", "基层党组织", "理论学习中心组"};
  private static final String[] OTHER = {"台风", "粮食", "高铁", "足球", "外交", "春运"};

  private static Article article(int i, String title, String body) {
    Article a = new Article();
    a.setArticleId("a" + i);
    a.setSource("test");
    a.setSourceId("s" + i);
    LocalDate d = LocalDate.of(2021, 1 + i % 3, 1 + i % 28);
    a.setPubDate(d);
    a.setYear(d.getYear());
    a.setMonth(d.getMonthValue());
    a.setTitle(title);
    a.setBody(body);
    a.setCharCount(body.length());
    return a;
  }

  static List<Article> corpus() {
    List<Article> out = new ArrayList<>();
    int i = 0;
    for (int k = 0; k < 30; k++) {
      String g = GOV[k % GOV.length];
      out.add(article(i++, "推进" + g + "改革", "市民通过" + g + "办理业务，" + GOV[(k + 1) % GOV.length]
          + "让群众少跑腿。政务数据共享，审批更快。"));
      String h = H2[k % H2.length];
      out.add(article(i++, "发展" + h + "产业", "当地建设" + h + "项目，" + H2[(k + 2) % H2.length]
          + "汽车示范运营，储氢技术突破。"));
      String p = PARTY[k % PARTY.length];
      out.add(article(i++, "扎实开展" + p, "各级党组织开展" + p + "，" + PARTY[(k + 3) % PARTY.length]
          + "深入基层，党员干部学习贯彻会议精神。"));
      for (int o = 0; o < 2; o++) {
        String w = OTHER[(k + o) % OTHER.length];
        out.add(article(i++, w + "最新消息" + k, "今天" + w + "情况平稳，" + OTHER[(k + o + 1) % OTHER.length]
            + "工作有序进行，群众生活正常。"));
      }
    }
    return out;
  }

  @BeforeAll
  static void train() throws Exception {
    output = DataPaths.normalise(newDir("out").toString());
    // A space in the folder name: paths are Hadoop paths, not URIs to be parsed.
    models = output + "/my models";
    TableIO.write(spark.createDataset(corpus(), Article.ENCODER), output, Article.SPEC, TableIO.Mode.REPLACE, "t");
    TopiclineConf conf = TopiclineConf.load(null, Map.of("train.min-doc-freq", "1"));
    analyzer = TextAnalyzer.from(conf);
    trained = TrainJob.run(spark, new TrainJob.Options(output, models, null, null, null, TopicSettings.from(conf),
        analyzer, conf.hash(), "run-train", "train"));
  }

  @Test
  void trainWritesEveryTopicAndItsHeldOutMetrics() throws Exception {
    assertEquals(List.of(), trained.untrained());
    assertEquals(3, trained.metrics().size());
    Dataset<Row> metrics = TableIO.read(spark, output, Tables.MODEL_METRICS);
    assertEquals(3, metrics.count());
    for (ModelMetric m : trained.metrics()) {
      assertTrue(m.getSupport() > 0, m.getTopic());
      assertTrue(m.getF1() > 0.8, m.getTopic() + " f1 " + m.getF1());
      assertTrue(m.getThreshold() > 0 && m.getThreshold() < 1);
    }
    TopicModel model = TopicModel.load(spark, models, trained.version());
    assertEquals(analyzer.dictionaryHash(), model.dictionaryHash());
    // Every labelled article chose the thresholds, scored by regressions that did not see it: the held-out split
    // by the model, each training fold by regressions fitted without it.
    com.fasterxml.jackson.databind.JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        DataPaths.readText(spark, trained.modelDir() + "/" + TopicModel.METADATA));
    for (com.fasterxml.jackson.databind.JsonNode t : meta.path("topics")) {
      ModelMetric m = trained.metrics().stream().filter(x -> x.getTopic().equals(t.path("id").asText()))
          .findFirst().orElseThrow();
      assertEquals(m.getRulePositives(), t.path("threshold_positives").asLong(), t.toString());
      assertTrue(m.getRulePositives() > m.getSupport(), "more than the held-out positives: " + t);
      assertTrue(t.path("threshold_source").asText().contains("5 training folds"), t.toString());
      assertEquals(t.path("threshold_source").asText(), trained.thresholdSources().get(m.getTopic()));
    }
    assertEquals(analyzer.dictionaryHash(), model.tokenizer().analyzer().dictionaryHash());
  }

  @Test
  void scoreWritesTopicScoresWithEvidence() {
    ScoreJob.Result r = ScoreJob.run(spark, new ScoreJob.Options(output, models, null, null, null, 3, analyzer,
        "h", "run-score", "score"));
    assertNull(r.warning());
    assertEquals(trained.version(), r.version());
    List<TopicScore> scores = TableIO.read(spark, output, Tables.TOPIC_SCORES, TopicScore.ENCODER).collectAsList();
    assertEquals(corpus().size() * 3L, scores.size());
    TopicScore gov = scores.stream().filter(s -> s.getArticleId().equals("a0")
        && s.getTopic().equals("digital_government")).findFirst().orElseThrow();
    assertTrue(gov.getLabel(), "a0 is about 一网通办: p=" + gov.getProbability());
    assertFalse(gov.getEvidence().isEmpty());
    assertTrue(gov.getEvidence().size() <= 3);
    List<String> terms = gov.getEvidence().stream().map(WeightedTerm::getTerm).toList();
    assertTrue(terms.stream().anyMatch(t -> t.contains("一网通办")), terms.toString());
    for (int k = 1; k < gov.getEvidence().size(); k++) {
      assertTrue(gov.getEvidence().get(k - 1).getWeight() >= gov.getEvidence().get(k).getWeight());
    }
    TopicScore other = scores.stream().filter(s -> s.getArticleId().equals("a3")
        && s.getTopic().equals("party_study")).findFirst().orElseThrow();
    assertFalse(other.getLabel(), "a3 is weather news: p=" + other.getProbability());

    // Each row says how the rules read the article, and the label is the threshold's and the rules' together.
    Map<String, Article> articles = new java.util.HashMap<>();
    corpus().forEach(a -> articles.put(a.getArticleId(), a));
    Map<String, TopicSpec> rules = new java.util.HashMap<>();
    TopicSettings.from(TopiclineConf.defaults()).topics().forEach(t -> rules.put(t.id(), t));
    Map<String, Double> thresholds = new java.util.HashMap<>();
    trained.metrics().forEach(m -> thresholds.put(m.getTopic(), m.getThreshold()));
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (TopicScore s : scores) {
      Article a = articles.get(s.getArticleId());
      TopicSpec t = rules.get(s.getTopic());
      SeedRules.Reading reading = SeedRules.reading(t, SeedRules.score(t, a.getTitle(), a.getBody()));
      assertEquals(reading.column(), s.getRules(), s.getArticleId() + " " + s.getTopic());
      assertEquals(s.getProbability() >= thresholds.get(s.getTopic()) && reading.mayLabel(), s.getLabel(),
          s.getArticleId() + " " + s.getTopic() + " p=" + s.getProbability() + " rules=" + s.getRules());
      seen.add(s.getRules());
    }
    long heldBack = scores.stream().filter(s -> !s.getLabel() && s.getProbability() >= thresholds.get(s.getTopic()))
        .count();
    assertEquals(heldBack, r.heldBack());
    assertEquals(scores.stream().filter(TopicScore::getLabel).count(), r.positives());
    assertTrue(r.summary().contains("labelled positive; " + heldBack + " more reach the threshold but the rules"),
        r.summary());
    assertEquals("positive", gov.getRules());
    assertEquals("negative", other.getRules());
    assertTrue(seen.containsAll(List.of("positive", "negative")), seen.toString());
  }

  @Test
  void tokensFromArticleTokensGiveTheSameModelAndScores() throws Exception {
    String out = DataPaths.normalise(newDir("stored").toString());
    TableIO.write(spark.createDataset(corpus(), Article.ENCODER), out, Article.SPEC, TableIO.Mode.REPLACE, "t");
    ScoreJob.run(spark, new ScoreJob.Options(out, models, trained.version(), null, null, 3, analyzer, "h", "s1",
        "score"));
    List<Row> segmented = scores(out);

    org.topicline.text.TokeniseJob.run(spark, new org.topicline.text.TokeniseJob.Options(out, analyzer, null, null,
        "h", "tokenise"));
    ScoreJob.run(spark, new ScoreJob.Options(out, models, trained.version(), null, null, 3, analyzer, "h", "s2",
        "score"));
    assertEquals(segmented, scores(out));

    // A one-day window (the nightly run) rewrites whole month partitions: the month's other days stay.
    java.time.LocalDate day = corpus().get(0).getPubDate();
    long tokenRows = TableIO.read(spark, out, Tables.ARTICLE_TOKENS).count();
    org.topicline.text.TokeniseJob.run(spark, new org.topicline.text.TokeniseJob.Options(out, analyzer, day, day,
        "h", "tokenise"));
    assertEquals(tokenRows, TableIO.read(spark, out, Tables.ARTICLE_TOKENS).count());
    ScoreJob.run(spark, new ScoreJob.Options(out, models, trained.version(), day, day, 3, analyzer, "h", "s3",
        "score"));
    assertEquals(segmented, scores(out));

    TopiclineConf conf = TopiclineConf.load(null, Map.of("train.min-doc-freq", "1"));
    TrainJob.Result again = TrainJob.run(spark, new TrainJob.Options(out, out + "/models", null, null, null,
        TopicSettings.from(conf), analyzer, conf.hash(), "run-train-2", "train"));
    assertEquals(metrics(trained), metrics(again));
  }

  private static List<Row> scores(String out) {
    return TableIO.read(spark, out, Tables.TOPIC_SCORES)
        .select("article_id", "topic", "probability", "label", "evidence").orderBy("article_id", "topic")
        .collectAsList();
  }

  private static List<String> metrics(TrainJob.Result r) {
    return r.metrics().stream().map(m -> m.getTopic() + " " + m.getPrecision() + " " + m.getRecall() + " "
        + m.getThreshold() + " " + m.getPrAuc() + " " + m.getModelPositives()).toList();
  }

  @Test
  void aModelTrainedBeforeTheTopicVectorizerStageIsRefusedAtLoad() throws Exception {
    // Such models vectorised with CountVectorizer stages: the same model with its TopicVectorizer replaced by one.
    String old = DataPaths.normalise(newDir("old-models").toString());
    String dir = TopicModel.versionDir(old, "20200101T000000Z");
    DataPaths.writeText(spark, dir + "/" + TopicModel.METADATA, DataPaths.readText(spark,
        TopicModel.versionDir(models, trained.version()) + "/" + TopicModel.METADATA));
    for (TopicModel.Topic t : TopicModel.load(spark, models, trained.version()).topics()) {
      org.apache.spark.ml.Transformer[] stages = t.pipeline().stages().clone();
      for (int k = 0; k < stages.length; k++) {
        if (stages[k] instanceof TopicVectorizerModel) {
          stages[k] = new org.apache.spark.ml.feature.CountVectorizerModel(new String[] {"一网通办"})
              .setInputCol(TopicFeatures.BODY_TOKENS).setOutputCol(TopicFeatures.FEATURES);
        }
      }
      new org.apache.spark.ml.PipelineModel(t.pipeline().uid(), stages).write()
          .save(dir + "/" + TopicModel.TOPICS_DIR + "/" + t.id());
    }
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TopicModel.load(spark, old, "20200101T000000Z"));
    assertTrue(e.getMessage().contains("20200101T000000Z") && e.getMessage().contains("retrain"), e.getMessage());
  }

  @Test
  void aDifferentDictionaryWarns() {
    TopicModel model = TopicModel.load(spark, models, trained.version());
    TextAnalyzer other = new TextAnalyzer("viterbi", List.of("新词"), List.of());
    String warning = ScoreJob.dictionaryWarning(model, other);
    assertNotNull(warning);
    assertTrue(warning.contains(model.dictionaryHash()) && warning.contains(other.dictionaryHash()), warning);
  }

  @Test
  void weakLabelsLeaveAmbiguousArticlesOut() {
    List<TopicSpec> topics = TopicSettings.from(TopiclineConf.defaults()).topics();
    List<Article> rows = List.of(
        article(1, "推进一网通办改革", "群众办事方便。"),
        article(2, "台风登陆", "强降雨。"),
        article(3, "经济运行平稳", "今年经济运行总体平稳，各地持续优化营商环境。".repeat(3) + "各地推进政务服务改革。"));
    List<Row> out = TrainJob.labelled(spark.createDataset(rows, Article.ENCODER), topics,
        Map.of(GoldLabels.sourceKey("test", "s2") + "\tdigital_government", 1), 0.2, 5)
        .orderBy("articleId").collectAsList();
    assertEquals(1, (int) out.get(0).getAs(TrainJob.ruleCol(0)));
    assertEquals(0, (int) out.get(1).getAs(TrainJob.ruleCol(0)));
    assertEquals(1, (int) out.get(1).getAs(TrainJob.labelCol(0)), "the gold label overrides the rule");
    assertEquals(SeedRules.AMBIGUOUS, (int) out.get(2).getAs(TrainJob.ruleCol(0)));
    assertEquals(SeedRules.AMBIGUOUS, (int) out.get(2).getAs(TrainJob.labelCol(0)), "left out of training");
    assertEquals(0, (int) out.get(1).getAs(TrainJob.labelCol(1)), "no gold label: the rule's negative");
    assertFalse((boolean) out.get(1).getAs(TrainJob.mentionedCol(0)), "never mentioned");
  }

  @Test
  void theTrainingSplitIsCutIntoFoldsAndTheHeldOutSplitIsNot() {
    List<TopicSpec> topics = TopicSettings.from(TopiclineConf.defaults()).topics();
    List<Article> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(article(i, "台风登陆", "强降雨。"));
    }
    long[] perFold = new long[5];
    for (Row r : TrainJob.labelled(spark.createDataset(rows, Article.ENCODER), topics, Map.of(), 0.2, 5)
        .select("tl_held_out", TrainJob.FOLD).collectAsList()) {
      boolean held = r.getBoolean(0);
      int fold = r.getInt(1);
      assertEquals(held, fold == -1, r.toString());
      if (!held) {
        perFold[fold]++;
      }
    }
    long training = java.util.Arrays.stream(perFold).sum();
    assertEquals(1600, training, 80, "about 4/5 are in training");
    for (long c : perFold) {
      assertEquals(training / 5.0, c, training * 0.05, java.util.Arrays.toString(perFold));
    }
  }

  @Test
  void aNegativeThatMentionsTheTopicIsMarked() {
    List<TopicSpec> topics = TopicSettings.from(TopiclineConf.defaults()).topics();
    // Two sentences on online government services in a long article about the economy: a confident negative by
    // share, but not one that never mentions the topic.
    String body = "今年经济运行总体平稳，消费和投资稳步回升，外贸结构继续优化，就业形势保持稳定。".repeat(12)
        + "各地推进一网通办。企业开办实现全程网办。";
    List<Row> out = TrainJob.labelled(spark.createDataset(List.of(article(1, "经济运行平稳", body)),
        Article.ENCODER), topics, Map.of(), 0.2, 5).collectAsList();
    assertEquals(SeedRules.NEGATIVE, (int) out.get(0).getAs(TrainJob.ruleCol(0)));
    assertTrue((boolean) out.get(0).getAs(TrainJob.mentionedCol(0)));
    assertFalse((boolean) out.get(0).getAs(TrainJob.gateCol(0)), "the model still may not label it");
  }
  @Test
  void aGoldLabelBySourceIdReachesOnlyThatSourcesArticle() {
    List<TopicSpec> topics = TopicSettings.from(TopiclineConf.defaults()).topics();
    java.util.Set<String> ids = new java.util.LinkedHashSet<>(topics.stream().map(TopicSpec::id).toList());
    List<GoldLabels.Label> labels = GoldLabels.jsonl("gold.jsonl",
        "{\"source\": \"xwlb\", \"source_id\": \"s1\", \"topic\": \"digital_government\", \"label\": 1}\n", ids);
    // Two sources number their records independently: both have an s1.
    Article xwlb = article(1, "台风登陆", "强降雨。");
    xwlb.setSource("xwlb");
    Article daily = article(2, "台风登陆", "强降雨。");
    daily.setSource("peoples-daily");
    daily.setSourceId("s1");
    List<Row> out = TrainJob.labelled(spark.createDataset(List.of(xwlb, daily), Article.ENCODER), topics,
        TrainJob.gold(labels), 0.2, 5).orderBy("articleId").collectAsList();
    assertEquals(1, (int) out.get(0).getAs(TrainJob.labelCol(0)), "xwlb s1 is labelled");
    assertEquals(0, (int) out.get(1).getAs(TrainJob.labelCol(0)), "peoples-daily s1 keeps its weak label");
  }

  @Test
  void goldLabelsUsedCountsTheLabelsThatMatchedAnArticle() throws Exception {
    GoldRun g = goldRun();
    assertTrue(g.heldOut() > 0);
    assertEquals(g.heldOut(), g.metadata().path("gold_labels_used").asLong());
  }

  @Test
  void areasAreNullWhenTheHeldOutSplitHasNoPositives() throws Exception {
    GoldRun g = goldRun();
    ModelMetric hydrogen = g.result().metrics().stream().filter(m -> m.getTopic().equals("hydrogen_energy"))
        .findFirst().orElseThrow();
    assertEquals(0, hydrogen.getSupport());
    assertNull(hydrogen.getRocAuc());
    assertNull(hydrogen.getPrAuc());
    Row row = TableIO.read(spark, g.output(), Tables.MODEL_METRICS).filter("topic = 'hydrogen_energy'").first();
    assertTrue(row.isNullAt(row.fieldIndex("roc_auc")) && row.isNullAt(row.fieldIndex("pr_auc")), row.toString());
    for (com.fasterxml.jackson.databind.JsonNode t : g.metadata().path("topics")) {
      if (t.path("id").asText().equals("hydrogen_energy")) {
        assertTrue(t.path("metrics").path("roc_auc").isNull(), t.toString());
        assertTrue(t.path("metrics").path("pr_auc").isNull(), t.toString());
      }
    }
    assertTrue(g.result().summary().lines().anyMatch(l -> l.startsWith("hydrogen_energy ") && l.contains(" n/a ")),
        g.result().summary());
  }

  private record GoldRun(String output, long heldOut, TrainJob.Result result,
      com.fasterxml.jackson.databind.JsonNode metadata) {}

  private static GoldRun goldRun;

  /**
   * A training run of the corpus with gold labels: every held-out article labelled not hydrogen by hand (so the
   * held-out split has no hydrogen positives), plus a label for an article the corpus lacks.
   */
  private static synchronized GoldRun goldRun() throws Exception {
    if (goldRun != null) {
      return goldRun;
    }
    String out = DataPaths.normalise(newDir("gold").toString());
    TableIO.write(spark.createDataset(corpus(), Article.ENCODER), out, Article.SPEC, TableIO.Mode.REPLACE, "t");
    TopiclineConf conf = TopiclineConf.load(null, Map.of("train.min-doc-freq", "1"));
    TopicSettings settings = TopicSettings.from(conf);
    List<String> heldOut = TrainJob.labelled(spark.createDataset(corpus(), Article.ENCODER), settings.topics(),
            Map.of(), settings.train().heldOutFraction(), settings.train().thresholdFolds())
        .filter(org.apache.spark.sql.functions.col("tl_held_out")).select("articleId")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    StringBuilder gold = new StringBuilder("article_id,topic,label\n");
    heldOut.forEach(id -> gold.append(id).append(",hydrogen_energy,0\n"));
    gold.append("a9999,hydrogen_energy,1\n");
    java.nio.file.Path goldFile = newDir("gold-labels").resolve("gold.csv");
    java.nio.file.Files.writeString(goldFile, gold);
    TrainJob.Result r = TrainJob.run(spark, new TrainJob.Options(out, out + "/models",
        DataPaths.normalise(goldFile.toString()), null, null, settings, analyzer, conf.hash(), "run-gold", "train"));
    goldRun = new GoldRun(out, heldOut.size(), r, new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        DataPaths.readText(spark, r.modelDir() + "/" + TopicModel.METADATA)));
    return goldRun;
  }

  @Test
  void evalTopicsScoresHandLabelledItemsAndListsTheMisses() throws Exception {
    java.nio.file.Path csv = newDir("predictions").resolve("predictions.csv");
    EvalTopicsJob.Result r = eval(true, csv);
    assertEquals(2, r.items());
    EvalTopicsJob.TopicEval gov = r.topics().stream().filter(t -> t.topic().equals("digital_government"))
        .findFirst().orElseThrow();
    assertEquals(1, gov.support());
    assertEquals(1.0, gov.f1(), 1e-12);
    EvalTopicsJob.TopicEval party = r.topics().stream().filter(t -> t.topic().equals("party_study"))
        .findFirst().orElseThrow();
    assertEquals(0.0, party.recall(), 1e-12);
    assertEquals(List.of("party_study 20210105-02-01.txt"),
        r.misses().stream().map(m -> m.topic() + " " + m.sourceId()).toList());
    assertTrue(r.misses().get(0).gold());
    assertEquals((gov.f1() + party.f1() + 1.0) / 3, r.macroF1(), 1e-12, "hydrogen: nothing to find, nothing found");
    assertTrue(r.summary().contains("20210105-02-01.txt"), r.summary());
    assertTrue(r.summary().contains(String.format("macro-F1 %.4f (rules alone", r.macroF1())), r.summary());
    // Two items: a resample holds both (the point figure, 2/3) or one of them twice: the party miss alone (2/3 too)
    // or the government hit alone (1).
    assertEquals(new EvalTopicsJob.Interval(2.0 / 3, 1), r.uncertainty().macroF1());
    EvalTopicsJob.Interval macro = r.uncertainty().macroF1();
    assertTrue(r.summary().contains("95% bootstrap intervals (1000 resamples of the 2 items): macro-F1 " + macro),
        r.summary());
    // Every item and topic, hits included, for analysis outside Topicline.
    List<String> rows = java.nio.file.Files.readAllLines(csv);
    assertEquals(EvalTopicsJob.Prediction.CSV_HEADER, rows.get(0));
    assertEquals(1 + 2 * 3, rows.size());
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("party_study,20210105-02-01.txt,1,")
        && l.endsWith(",\"台风最新消息\"")), String.join("\n", rows));
  }

  @Test
  void evalTopicsLeavesATopicNoItemLabelsOutOfMacroF1() throws Exception {
    EvalTopicsJob.Result r = eval(false, null);
    EvalTopicsJob.TopicEval gov = r.topics().stream().filter(t -> t.topic().equals("digital_government"))
        .findFirst().orElseThrow();
    EvalTopicsJob.TopicEval party = r.topics().stream().filter(t -> t.topic().equals("party_study"))
        .findFirst().orElseThrow();
    EvalTopicsJob.TopicEval hydrogen = r.topics().stream().filter(t -> t.topic().equals("hydrogen_energy"))
        .findFirst().orElseThrow();
    assertEquals(0, hydrogen.labelled());
    assertEquals((gov.f1() + party.f1()) / 2, r.macroF1(), 1e-12, "nothing measured for hydrogen");
    assertTrue(r.summary().lines().anyMatch(l -> l.startsWith("hydrogen_energy ")
        && l.endsWith("no labelled items: left out of macro-F1")), r.summary());
  }

  /**
   * Evaluates the model on two hand-labelled People's Daily items (a digital government one and a weather one
   * labelled as party study, a miss), hydrogen labelled 0 on both or not at all.
   */
  private static EvalTopicsJob.Result eval(boolean labelHydrogen, java.nio.file.Path csv) throws Exception {
    // The items' files are read from under a folder whose name has a space.
    java.nio.file.Path root = java.nio.file.Files.createDirectories(newDir("labelled").resolve("hand labels"));
    java.nio.file.Path day = java.nio.file.Files.createDirectories(root.resolve("peoples-daily/2021年1月/20210105"));
    // People's Daily layout: line 1 a kicker (empty), line 2 the title, then the body; CRLF.
    String[][] files = {
        {"20210105-01-01.txt", "推进一网通办改革", "市民通过一网通办办理业务，跨省通办让群众少跑腿。政务数据共享，审批更快。"},
        {"20210105-02-01.txt", "台风最新消息", "今天台风情况平稳，粮食工作有序进行，群众生活正常。"}};
    StringBuilder labels = new StringBuilder();
    for (String[] f : files) {
      java.nio.file.Files.writeString(day.resolve(f[0]), "\r\n" + f[1] + "\r\n\u3000\u3000" + f[2] + "\r\n");
      boolean gov = f[1].contains("一网通办");
      labels.append(String.format("{\"source\": \"peoples-daily\", \"file\": \"peoples-daily/2021年1月/20210105/%s\", "
          + "\"source_id\": \"%s\", \"digital_government\": %d, %s\"party_study\": %d}%n",
          f[0], f[0], gov ? 1 : 0, labelHydrogen ? "\"hydrogen_energy\": 0, " : "", gov ? 0 : 1));
    }
    java.nio.file.Path labelFile = root.resolve("labels.jsonl");
    java.nio.file.Files.writeString(labelFile, labels);
    return EvalTopicsJob.run(spark, new EvalTopicsJob.Options(
        DataPaths.normalise(labelFile.toString()), DataPaths.normalise(root.toString()), models, trained.version(),
        TopicSettings.from(TopiclineConf.defaults()).topics(), true, csv));
  }
}
