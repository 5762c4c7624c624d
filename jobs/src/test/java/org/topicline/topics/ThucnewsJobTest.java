package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;
import org.topicline.io.DataPaths;
import org.topicline.text.TextAnalyzer;

/** Supervised mode on a few made-up titles: it learns their classes, and the saved pipeline scores as trained. */
class ThucnewsJobTest extends SparkTestBase {
  private static final String[][] CLASSES = {
      {"sports", "足球", "联赛", "进球", "球队"},
      {"stocks", "股市", "大盘", "涨停", "基金"},
      {"game", "网游", "玩家", "副本", "公测"}};
  private static final String[] FILLER = {"今天", "最新", "消息", "晚间", "快讯", "一周"};

  private static ThucnewsJob.Result result;

  static String lines(int from, int count) {
    StringBuilder s = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      String[] c = CLASSES[i % CLASSES.length];
      s.append(FILLER[i % FILLER.length]).append(c[1 + i % 4]).append(c[1 + (i / 3) % 4]).append('\t')
          .append(c[0]).append('\n');
    }
    return s.toString();
  }

  static SupervisedSettings settings(List<Double> regParams, List<Double> svcRegParams,
      List<Double> squaredHingeRegParams) {
    return settings(regParams, svcRegParams, squaredHingeRegParams, 1);
  }

  static SupervisedSettings settings(List<Double> regParams, List<Double> svcRegParams,
      List<Double> squaredHingeRegParams, int folds) {
    return new SupervisedSettings(3, true, true, 1, 1_000_000, regParams, svcRegParams, squaredHingeRegParams, 3,
        0.25, 0.25, folds, 20);
  }

  static ThucnewsJob.Result run(String name, SupervisedSettings settings) throws Exception {
    Path dir = Files.createDirectories(scratch.resolve(name));
    Files.writeString(dir.resolve("train.txt"), lines(0, 48));
    // A blank line and CRLF endings are accepted.
    Files.writeString(dir.resolve("test.txt"), lines(48, 12).replace("\n", "\r\n") + "\r\n");
    return ThucnewsJob.run(spark, new ThucnewsJob.Options(
        DataPaths.normalise(dir.resolve("train.txt").toString()), DataPaths.normalise(dir.resolve("test.txt").toString()),
        DataPaths.normalise(dir.resolve("models").toString()), TextAnalyzer.from(TopiclineConf.defaults()), settings));
  }

  static List<String> predict(String savedTo, String... titles) {
    return PipelineModel.load(savedTo).transform(spark.createDataset(List.of(titles), Encoders.STRING())
        .toDF(ThucnewsJob.TEXT)).select(ThucnewsJob.PREDICTED_LABEL).as(Encoders.STRING()).collectAsList();
  }

  @BeforeAll
  static void train() throws Exception {
    result = run("thucnews", settings(List.of(0.1, 0.001), List.of(0.01), List.of(0.01)));
  }

  @Test
  void learnsTheClassesAndChoosesClassifierAndRegularisationOnTheTrainingLines() {
    assertEquals(48, result.trainRows());
    assertEquals(12, result.testRows());
    assertEquals(1.0, result.accuracy(), result.summary());
    assertEquals(1.0, result.macroF1(), result.summary());
    assertEquals(List.of("logistic 0.1", "logistic 0.001", "linear-svc 0.01", "squared-hinge-svm 0.01"),
        result.candidates().stream()
        .map(c -> c.classifier() + " " + c.regParam()).toList());
    // The classes are separable by their words: the best candidate gets every held-out line right.
    assertEquals(1.0, result.chosen().validationAccuracy(), result.summary());
    ThucnewsJob.Candidate best = result.candidates().stream()
        .max(Comparator.comparingDouble(ThucnewsJob.Candidate::validationAccuracy)).orElseThrow();
    assertEquals(best.validationAccuracy(), result.chosen().validationAccuracy(), result.summary());
    assertTrue(result.candidates().contains(result.chosen()), result.summary());
    assertTrue(result.summary().contains("accuracy 1.0000"), result.summary());
    // The vote is on: the classifier's own accuracy is measured beside it, on the held-out share and the test lines.
    assertEquals(1.0, result.accuracyWithoutNeighbours(), result.summary());
    result.candidates().forEach(c -> assertTrue(c.withoutNeighbours() >= 0 && c.withoutNeighbours() <= 1,
        result.summary()));
    assertTrue(result.summary().contains("(accuracy 1.0000 without the neighbours' vote)"), result.summary());
  }

  @Test
  void theCandidatesAreComparedOnTheSameLinesWhateverThePartitioning() throws Exception {
    Dataset<Row> lines = numberedLines(400);
    List<String> one = validated(lines.repartition(1), settings(List.of(0.1), List.of(0.01), List.of(), 1)).get(0);
    assertEquals(List.of(one), validated(lines.repartition(7), settings(List.of(0.1), List.of(0.01), List.of(), 1)));
    // A quarter of 400 lines, give or take the hash's spread.
    assertTrue(one.size() >= 70 && one.size() <= 130, one.size() + " held out");
  }

  @Test
  void foldsHoldEveryLineOnce() throws Exception {
    List<List<String>> folds = validated(numberedLines(400), settings(List.of(0.1), List.of(0.01), List.of(), 4));
    assertEquals(4, folds.size());
    List<String> all = folds.stream().flatMap(List::stream).sorted().toList();
    assertEquals(400, all.size());
    assertEquals(400, all.stream().distinct().count());
    folds.forEach(f -> assertTrue(f.size() >= 70 && f.size() <= 130, f.size() + " lines in a fold"));
  }

  @Test
  void candidatesAreChosenByCrossValidationWhenFoldsAreSet() throws Exception {
    ThucnewsJob.Result r = run("folds", settings(List.of(0.1), List.of(), List.of(0.01), 3));
    assertEquals(1.0, r.accuracy(), r.summary());
    assertEquals(2, r.candidates().size(), r.summary());
    // With a third of the lines out, the strongly regularised regression falls well behind the SVM.
    assertEquals(ThucnewsJob.Classifier.SQUARED_HINGE, r.chosen().classifier(), r.summary());
    assertTrue(r.chosen().validationAccuracy() >= 0.9, r.summary());
    assertTrue(r.candidates().get(0).validationAccuracy() < 0.8, r.summary());
    assertTrue(r.summary().contains("3-fold cross-validation"), r.summary());
  }

  private static Dataset<Row> numberedLines(int count) throws Exception {
    Path file = Files.createDirectories(scratch.resolve("split")).resolve("lines.txt");
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      s.append("第").append(i).append("条消息\t").append(CLASSES[i % CLASSES.length][0]).append('\n');
    }
    Files.writeString(file, s.toString());
    return ThucnewsJob.read(spark, DataPaths.normalise(file.toString()));
  }

  /** The texts of each validation share, sorted. */
  private static List<List<String>> validated(Dataset<Row> lines, SupervisedSettings s) {
    return ThucnewsJob.validationShares(s).stream().map(share -> lines.filter(share).select(ThucnewsJob.TEXT)
        .as(Encoders.STRING()).collectAsList().stream().sorted().toList()).toList();
  }

  @Test
  void theSavedModelScoresUnlabelledTextAsTrained() {
    assertNotNull(result.savedTo());
    assertEquals(List.of("stocks", "game", "sports"), predict(result.savedTo(), "晚间股市大盘涨停", "一周网游玩家公测",
        "今天足球联赛进球"));
  }

  @Test
  void aLinearSvcModelIsSavedAndNamesItsLabels() throws Exception {
    ThucnewsJob.Result svc = run("svc", settings(List.of(), List.of(0.01), List.of()));
    assertEquals(ThucnewsJob.Classifier.LINEAR_SVC, svc.chosen().classifier(), svc.summary());
    assertEquals(1.0, svc.accuracy(), svc.summary());
    assertEquals(List.of("game", "sports", "stocks"), predict(svc.savedTo(), "网游副本公测", "足球联赛进球", "股市大盘基金"));
  }

  @Test
  void aSquaredHingeSvmModelIsSavedAndNamesItsLabels() throws Exception {
    ThucnewsJob.Result svm = run("squared-hinge", settings(List.of(), List.of(), List.of(0.01)));
    assertEquals(ThucnewsJob.Classifier.SQUARED_HINGE, svm.chosen().classifier(), svm.summary());
    assertEquals(1.0, svm.accuracy(), svm.summary());
    assertTrue(svm.summary().contains("squared-hinge-svm reg-param 0.01"), svm.summary());
    PipelineModel loaded = PipelineModel.load(svm.savedTo());
    assertTrue(java.util.Arrays.stream(loaded.stages()).anyMatch(st -> st instanceof SquaredHingeModel),
        "the saved pipeline holds the squared-hinge model");
    // Then the training lines' vote, which keeps every training line.
    NeighbourVoteModel vote = (NeighbourVoteModel) java.util.Arrays.stream(loaded.stages())
        .filter(st -> st instanceof NeighbourVoteModel).findFirst().orElseThrow();
    assertEquals(48, vote.size());
    assertEquals(3, vote.getOrDefault(vote.neighbours()));
    assertEquals(List.of("stocks", "sports", "game"), predict(svm.savedTo(), "股市大盘涨停", "足球球队进球", "网游玩家副本"));
  }

  @Test
  void withoutTheVoteThePipelineEndsWithTheClassifier() throws Exception {
    SupervisedSettings s = new SupervisedSettings(3, true, true, 1, 1_000_000, List.of(0.001), List.of(), List.of(0.01),
        3, 0, 0.25, 1, 20);
    ThucnewsJob.Result r = run("no-vote", s);
    assertEquals(1.0, r.accuracy(), r.summary());
    // Nothing to compare: the classifier alone is the prediction.
    assertTrue(Double.isNaN(r.accuracyWithoutNeighbours()), r.summary());
    r.candidates().forEach(c -> assertTrue(Double.isNaN(c.withoutNeighbours()), r.summary()));
    assertTrue(!r.summary().contains("without the neighbours"), r.summary());
    PipelineModel loaded = PipelineModel.load(r.savedTo());
    assertTrue(java.util.Arrays.stream(loaded.stages()).noneMatch(st -> st instanceof NeighbourVoteModel));
    assertEquals(List.of("stocks", "sports"), predict(r.savedTo(), "股市大盘涨停", "足球球队进球"));
  }

  @Test
  void blockNormsGiveWordsAndCharacterNgramsUnitNormEach() throws Exception {
    Path f = Files.createDirectories(scratch.resolve("blocks")).resolve("train.txt");
    Files.writeString(f, lines(0, 12));
    Dataset<Row> train = ThucnewsJob.read(spark, DataPaths.normalise(f.toString()));
    StringIndexerModel labels = new StringIndexer().setInputCol(ThucnewsJob.LABEL_NAME)
        .setOutputCol(ThucnewsJob.LABEL).fit(train);
    for (boolean blockNorms : new boolean[] {true, false}) {
      SupervisedSettings s = new SupervisedSettings(3, blockNorms, true, 1, 1_000_000, List.of(0.01), List.of(), List.of(),
          3, 0.25, 0.25, 1, 20);
      List<Row> rows = new Pipeline().setStages(ThucnewsJob.featureStages(labels, TextAnalyzer.from(
          TopiclineConf.defaults()), s)).fit(train).transform(train).select(ThucnewsJob.FEATURES).collectAsList();
      for (Row r : rows) {
        Vector v = r.getAs(0);
        assertEquals(blockNorms ? Math.sqrt(2) : 1.0, Vectors.norm(v, 2), 1e-9, v.toString());
      }
    }
    SupervisedSettings s = new SupervisedSettings(3, true, true, 1, 1_000_000, List.of(0.01), List.of(), List.of(), 3, 0.25,
        0.25, 1, 20);
    Row r = new Pipeline().setStages(ThucnewsJob.featureStages(labels, TextAnalyzer.from(TopiclineConf.defaults()), s))
        .fit(train).transform(train)
        .select(ThucnewsJob.WORD_VECTOR, ThucnewsJob.CHAR_VECTOR, ThucnewsJob.FEATURES).first();
    Vector words = r.getAs(0);
    Vector chars = r.getAs(1);
    Vector features = r.getAs(2);
    assertEquals(1.0, Vectors.norm(words, 2), 1e-9);
    assertEquals(1.0, Vectors.norm(chars, 2), 1e-9);
    // Words first, then the character n-grams, side by side.
    assertEquals(words.size() + chars.size(), features.size());
    for (int i = 0; i < features.size(); i++) {
      assertEquals(i < words.size() ? words.apply(i) : chars.apply(i - words.size()), features.apply(i), 1e-12);
    }
  }

  @Test
  void aFailedRunLeavesNothingCached() throws Exception {
    Path dir = Files.createDirectories(scratch.resolve("failed"));
    Files.writeString(dir.resolve("train.txt"), lines(0, 24));
    Files.writeString(dir.resolve("test.txt"), lines(24, 6));
    // A file where the models folder should be: saving fails after training and testing.
    Files.writeString(dir.resolve("models"), "");
    ThucnewsJob.Options o = new ThucnewsJob.Options(DataPaths.normalise(dir.resolve("train.txt").toString()),
        DataPaths.normalise(dir.resolve("test.txt").toString()), DataPaths.normalise(dir.resolve("models").toString()),
        TextAnalyzer.from(TopiclineConf.defaults()), settings(List.of(0.1), List.of(), List.of()));
    assertThrows(Exception.class, () -> ThucnewsJob.run(spark, o));
    assertTrue(spark.sharedState().cacheManager().isEmpty(), "the training and test lines were released");
  }

  @Test
  void aLineWithoutALabelNamesItsLine() throws Exception {
    Path f = scratch.resolve("bad.txt");
    Files.writeString(f, "足球联赛\tsports\n没有标签的标题\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ThucnewsJob.read(spark, DataPaths.normalise(f.toString())));
    assertTrue(e.getMessage().endsWith("bad.txt:2: expected text<TAB>label"), e.getMessage());
  }

  @Test
  void scoresCountEveryClassInMacroF1() {
    ThucnewsJob.Scores s = ThucnewsJob.score(labelAndPrediction(new double[][] {{0, 0}, {0, 0}, {1, 0}, {1, 1}}));
    assertEquals(0.75, s.accuracy(), 1e-9);
    // class 0: P 2/3, R 1, F1 0.8; class 1: P 1, R 1/2, F1 2/3.
    assertEquals((0.8 + 2.0 / 3) / 2, s.macroF1(), 1e-9);
  }

  @Test
  void aClassNeitherInTheTestLinesNorPredictedIsLeftOutOfMacroF1() {
    // Class 1 only the training lines had; class 0 F1 2/3 (P 1/2, R 1), class 2 F1 2/3 (P 1, R 1/2).
    ThucnewsJob.Scores s = ThucnewsJob.score(labelAndPrediction(new double[][] {{0, 0}, {2, 2}, {2, 0}}));
    assertEquals(2.0 / 3, s.macroF1(), 1e-9);
  }

  private static Dataset<Row> labelAndPrediction(double[][] pairs) {
    List<Row> rows = new ArrayList<>();
    for (double[] p : pairs) {
      rows.add(org.apache.spark.sql.RowFactory.create(p[0], p[1]));
    }
    var schema = new org.apache.spark.sql.types.StructType()
        .add(ThucnewsJob.LABEL, org.apache.spark.sql.types.DataTypes.DoubleType)
        .add("prediction", org.apache.spark.sql.types.DataTypes.DoubleType);
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void defaultsParseAndBadRegularisationNamesItsKey() throws Exception {
    SupervisedSettings d = SupervisedSettings.from(TopiclineConf.defaults());
    // conf/topicline.conf: words plus character 1-3-grams, squared-hinge SVMs only.
    assertEquals(3, d.maxCharNgram(), d.toString());
    assertEquals(List.of(6e-5, 4e-5, 2.5e-5), d.squaredHingeRegParams(), d.toString());
    assertEquals(List.of(), d.regParams(), d.toString());
    assertEquals(8, d.neighbours(), d.toString());
    assertEquals(0.25, d.neighbourWeight(), d.toString());
    Path f = scratch.resolve("bad.conf");
    Files.writeString(f, "topicline.train.supervised-neighbour-weight = -1\n");
    ConfException weight = assertThrows(ConfException.class,
        () -> SupervisedSettings.from(TopiclineConf.load(f, Map.of())));
    assertTrue(weight.getMessage().contains("topicline.train.supervised-neighbour-weight"), weight.getMessage());
    Files.writeString(f, "topicline.train.supervised-neighbours = 0\n");
    ConfException neighbours = assertThrows(ConfException.class,
        () -> SupervisedSettings.from(TopiclineConf.load(f, Map.of())));
    assertTrue(neighbours.getMessage().contains("topicline.train.supervised-neighbours"), neighbours.getMessage());
    assertEquals(1, d.validationFolds(), d.toString());
    Files.writeString(f, "topicline.train.supervised-validation-folds = 0\n");
    ConfException folds = assertThrows(ConfException.class,
        () -> SupervisedSettings.from(TopiclineConf.load(f, Map.of())));
    assertTrue(folds.getMessage().contains("topicline.train.supervised-validation-folds"), folds.getMessage());
    Files.writeString(f, "topicline.train.supervised-reg-params = []\n"
        + "topicline.train.supervised-squared-hinge-reg-params = []\n");
    ConfException e = assertThrows(ConfException.class,
        () -> SupervisedSettings.from(TopiclineConf.load(f, Map.of())));
    assertTrue(e.getMessage().contains("topicline.train.supervised-reg-params"), e.getMessage());
    assertTrue(e.getMessage().contains("topicline.train.supervised-squared-hinge-reg-params"), e.getMessage());
    // One classifier's values are enough.
    Files.writeString(f, "topicline.train.supervised-reg-params = []\n");
    assertEquals(List.of(), SupervisedSettings.from(TopiclineConf.load(f, Map.of())).regParams());
  }
}
