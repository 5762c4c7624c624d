package org.topicline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.topicline.io.DataPaths;
import org.topicline.io.HashShare;
import org.topicline.io.JobResult;
import org.topicline.text.HanLPTokenizer;
import org.topicline.text.TextAnalyzer;

/**
 * {@code train --labels FILE --test FILE}: supervised multi-class text classification from labelled lines
 * ({@code text<TAB>label}, the THUCNews titles format).
 *
 * <p>Steps: 1) read the training and test lines 2) choose the classifier and its regularisation on a held-out share
 * of the training lines 3) fit the pipeline on all training lines with them 4) accuracy and macro-F1 on the test
 * lines 5) save the model when a model folder is given.
 *
 * <p>Features: HanLP words plus character n-grams of the text in one TF-IDF vector, L2-normalised; titles are short,
 * and the n-grams keep the evidence of words the segmenter cuts differently. Classifier: multinomial logistic
 * regression, one-vs-rest linear SVMs (hinge loss) or one-vs-rest squared-hinge SVMs ({@link SquaredHingeClassifier}),
 * whichever candidate wins on the held-out share; then the nearest training lines vote beside its margins
 * ({@link NeighbourVote}, unless {@code train.supervised-neighbour-weight} is 0). Every step is a stage of the
 * saved {@code PipelineModel}, so it scores text exactly as it was trained, and writes the label's name to
 * {@link #PREDICTED_LABEL}.
 */
public final class ThucnewsJob {
  public static final String TEXT = "text";
  public static final String LABEL_NAME = "label_name";
  public static final String PREDICTED_LABEL = "predicted_label";
  static final String LABEL = "label";
  static final String FEATURES = "features";
  static final String WORDS = "words";
  static final String WORD_VECTOR = "word_vector";
  static final String CHAR_VECTOR = "char_vector";
  private static final String PREDICTION = "prediction";
  /** The classifier's own prediction and margins, before the neighbours vote. */
  private static final String CLASSIFIER_PREDICTION = "classifier_prediction";
  private static final String MARGINS = "margins";
  private static final long SPLIT_SEED = 20_240_501L;
  private static final StructType SCHEMA = new StructType().add(TEXT, DataTypes.StringType, false)
      .add(LABEL_NAME, DataTypes.StringType, false);

  public record Options(String train, String test, String modelsDir, TextAnalyzer analyzer,
      SupervisedSettings settings) {}

  /** The classifiers {@code train --labels} chooses between. */
  public enum Classifier {
    LOGISTIC("logistic"), LINEAR_SVC("linear-svc"), SQUARED_HINGE("squared-hinge-svm");

    private final String label;

    Classifier(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * Accuracy on the validation share of the training lines for one classifier and regularisation value, with the
   * neighbours' vote and without it (the classifier alone; NaN when the vote is off).
   */
  public record Candidate(Classifier classifier, double regParam, double validationAccuracy,
      double withoutNeighbours) {}

  /** {@code validationFolds}: 1 when the candidates were compared on one held-out share, else the folds. */
  public record Result(long trainRows, long testRows, List<Candidate> candidates, int validationFolds,
      Candidate chosen, double accuracy, double macroF1, double accuracyWithoutNeighbours, String savedTo)
      implements JobResult {
    @Override
    public String summary() {
      StringBuilder s = new StringBuilder("train --labels: ").append(trainRows).append(" training lines");
      if (candidates.size() > 1) {
        s.append("; classifier and regularisation chosen ").append(validationFolds == 1 ? "on a held-out share of them:"
            : "by " + validationFolds + "-fold cross-validation over them:");
        for (Candidate c : candidates) {
          s.append(String.format("%n  %s reg-param %s -> %.4f", c.classifier(), c.regParam(),
              c.validationAccuracy()));
          if (!Double.isNaN(c.withoutNeighbours())) {
            s.append(String.format(" (%.4f without the neighbours' vote)", c.withoutNeighbours()));
          }
        }
      }
      s.append(String.format("%n%s reg-param %s, %d test lines: accuracy %.4f, macro-F1 %.4f", chosen.classifier(),
          chosen.regParam(), testRows, accuracy, macroF1));
      if (!Double.isNaN(accuracyWithoutNeighbours)) {
        s.append(String.format(" (accuracy %.4f without the neighbours' vote)", accuracyWithoutNeighbours));
      }
      return s.append(savedTo == null ? "" : "; model saved to " + savedTo).toString();
    }
  }

  /** Accuracy and macro-F1 of predictions against gold labels. */
  public record Scores(long rows, double accuracy, double macroF1) {}

  private ThucnewsJob() {}

  /** Labelled lines {@code text<TAB>label} (the last tab splits); blank lines are skipped. */
  public static Dataset<Row> read(SparkSession spark, String path) {
    List<Row> rows = new ArrayList<>();
    String[] lines = DataPaths.readText(spark, path).split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int tab = lines[i].lastIndexOf('\t');
      String label = tab < 0 ? "" : lines[i].substring(tab + 1).strip();
      if (label.isEmpty()) {
        throw new IllegalArgumentException(path + ":" + (i + 1) + ": expected text<TAB>label");
      }
      rows.add(RowFactory.create(lines[i].substring(0, tab), label));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  public static Result run(SparkSession spark, Options o) {
    Dataset<Row> train = read(spark, o.train());
    Dataset<Row> test = read(spark, o.test());
    train.cache();
    test.cache();
    // Released on failure too: the session may go on to run other commands (the pipeline, the benchmarks).
    try {
      SupervisedSettings s = o.settings();
      StringIndexerModel labels = new StringIndexer().setInputCol(LABEL_NAME).setOutputCol(LABEL)
          // A test label never seen in training is kept (as one more index) and counts as an error, not a crash.
          .setHandleInvalid("keep").fit(train);

      spark.sparkContext().setJobDescription("train --labels: choose the classifier and regularisation");
      List<Candidate> candidates = validate(train, labels, o.analyzer(), s);
      // A tie goes to the candidate listed first (logistic regression first, then in the order of the conf).
      Candidate chosen = candidates.stream()
          .reduce((best, c) -> c.validationAccuracy() > best.validationAccuracy() ? c : best).orElseThrow();

      spark.sparkContext().setJobDescription("train --labels: fit on all training lines");
      PipelineModel model = pipeline(labels, o.analyzer(), s, chosen.classifier(), chosen.regParam()).fit(train);

      spark.sparkContext().setJobDescription("train --labels: test");
      Dataset<Row> scored = model.transform(test);
      Dataset<Row> predicted = (voting(s) ? scored.select(LABEL, PREDICTION, CLASSIFIER_PREDICTION)
          : scored.select(LABEL, PREDICTION)).cache();
      Scores scores;
      double alone;
      try {
        scores = score(predicted);
        alone = withoutNeighbours(s, predicted);
      } finally {
        predicted.unpersist();
      }

      String saved = null;
      if (o.modelsDir() != null) {
        saved = TopicModel.versionDir(o.modelsDir(), "supervised-" + System.currentTimeMillis());
        try {
          model.write().overwrite().save(saved);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new Result(train.count(), scores.rows(), candidates, s.validationFolds(), chosen, scores.accuracy(),
          scores.macroF1(), alone, saved);
    } finally {
      spark.sparkContext().setJobDescription(null);
      train.unpersist();
      test.unpersist();
    }
  }

  /** Every classifier and regularisation value the settings list, in order (logistic, linear SVC, squared hinge). */
  static List<Candidate> candidates(SupervisedSettings s) {
    List<Candidate> out = new ArrayList<>();
    s.regParams().forEach(r -> out.add(new Candidate(Classifier.LOGISTIC, r, Double.NaN, Double.NaN)));
    s.svcRegParams().forEach(r -> out.add(new Candidate(Classifier.LINEAR_SVC, r, Double.NaN, Double.NaN)));
    s.squaredHingeRegParams().forEach(r -> out.add(new Candidate(Classifier.SQUARED_HINGE, r, Double.NaN,
        Double.NaN)));
    return out;
  }

  /**
   * Each candidate fitted on one share of the training lines and measured on the rest: the held-out share of
   * {@code train.supervised-validation-fraction}, or with {@code train.supervised-validation-folds} k > 1 each of k
   * folds in turn (accuracy pooled over all lines). The features are fitted on each fitting share; the test lines
   * are never seen here. A single candidate is returned unmeasured.
   */
  static List<Candidate> validate(Dataset<Row> train, StringIndexerModel labels, TextAnalyzer analyzer,
      SupervisedSettings s) {
    List<Candidate> all = candidates(s);
    if (all.size() == 1) {
      return all;
    }
    List<Pooled> pooled = all.stream().map(c -> new Pooled()).toList();
    for (Column heldOut : validationShares(s)) {
      Dataset<Row> fitLines = train.filter(not(heldOut));
      PipelineModel features = new Pipeline().setStages(featureStages(labels, analyzer, s)).fit(fitLines);
      Dataset<Row> fit = features.transform(fitLines).select(LABEL, FEATURES).cache();
      Dataset<Row> validation = features.transform(train.filter(heldOut)).select(LABEL, FEATURES).cache();
      try {
        for (int i = 0; i < all.size(); i++) {
          Candidate c = all.get(i);
          Dataset<Row> predicted = new Pipeline().setStages(classifierStages(s, c.classifier(), c.regParam()))
              .fit(fit).transform(validation).cache();
          try {
            Scores scores = score(predicted);
            pooled.get(i).add(scores.rows(), scores.accuracy(), withoutNeighbours(s, predicted));
          } finally {
            predicted.unpersist();
          }
        }
      } finally {
        fit.unpersist();
        validation.unpersist();
      }
    }
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Candidate c = all.get(i);
      Pooled p = pooled.get(i);
      out.add(new Candidate(c.classifier(), c.regParam(), p.correct / p.rows, p.correctAlone / p.rows));
    }
    return out;
  }

  /** One candidate's correct predictions, with the vote and without (NaN when it is off), over the folds' lines. */
  private static final class Pooled {
    double correct;
    double correctAlone;
    long rows;

    void add(long lines, double accuracy, double accuracyAlone) {
      correct += accuracy * lines;
      correctAlone += accuracyAlone * lines;
      rows += lines;
    }
  }

  /**
   * The shares of the training lines the candidates are measured on, chosen by a hash of each line (text and label):
   * the same lines on any number of cores (randomSplit's were not, README), and repeated lines on the same side.
   * One share of the validation fraction, or k folds that together hold every line once.
   */
  static List<Column> validationShares(SupervisedSettings s) {
    int k = s.validationFolds();
    if (k == 1) {
      return List.of(share(0, s.validationFraction()));
    }
    List<Column> folds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      folds.add(share((double) i / k, (double) (i + 1) / k));
    }
    return folds;
  }

  private static Column share(double from, double to) {
    return HashShare.range(from, to, col(TEXT), col(LABEL_NAME), lit(SPLIT_SEED));
  }

  /** Features, classifier, and the predicted label's name; {@code labels} fixes the label indices. */
  public static Pipeline pipeline(StringIndexerModel labels, TextAnalyzer analyzer, SupervisedSettings s,
      Classifier classifier, double regParam) {
    List<PipelineStage> stages = new ArrayList<>(List.of(featureStages(labels, analyzer, s)));
    stages.addAll(List.of(classifierStages(s, classifier, regParam)));
    stages.add(new IndexToString().setInputCol(PREDICTION).setOutputCol(PREDICTED_LABEL)
        .setLabels(labels.labelsArray()[0]));
    return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
  }

  /**
   * Label index (skipped when scoring unlabelled text), HanLP words, character 1..n-grams of the text without white
   * space, then TF-IDF and L2 normalisation: per block (words, character n-grams) joined side by side when
   * {@code s.blockNorms()}, else of all terms together.
   */
  static PipelineStage[] featureStages(StringIndexerModel labels, TextAnalyzer analyzer, SupervisedSettings s) {
    List<PipelineStage> stages = new ArrayList<>();
    stages.add(labels);
    stages.add(HanLPTokenizer.of(analyzer).setInputCol(TEXT).setOutputCol(WORDS));
    List<String> charTerms = new ArrayList<>();
    if (s.maxCharNgram() > 0) {
      stages.add(new SQLTransformer().setStatement(
          "SELECT *, lower(regexp_replace(" + TEXT + ", '\\\\s+', '')) AS tl_compact_text FROM __THIS__"));
      stages.add(new RegexTokenizer().setInputCol("tl_compact_text").setOutputCol("chars").setPattern("")
          .setGaps(true).setToLowercase(false));
      // A single character is marked so that it is a different feature from the one-character word.
      stages.add(new SQLTransformer().setStatement(
          "SELECT *, transform(chars, c -> concat('c:', c)) AS char1 FROM __THIS__"));
      charTerms.add("char1");
      for (int n = 2; n <= s.maxCharNgram(); n++) {
        // NGram joins with a space, which the compact text has none of: no n-gram equals a word.
        stages.add(new NGram().setN(n).setInputCol("chars").setOutputCol("char" + n));
        charTerms.add("char" + n);
      }
    }
    if (!s.blockNorms() || charTerms.isEmpty()) {
      List<String> terms = new ArrayList<>(List.of(WORDS));
      terms.addAll(charTerms);
      stages.add(concat(terms, "terms"));
      stages.addAll(tfIdf(s, "terms", FEATURES));
    } else {
      // Words and n-grams each get unit norm, as scikit-learn's FeatureUnion of two TF-IDF vectorisers: the
      // many n-grams of a title no longer drown its few words.
      stages.addAll(tfIdf(s, WORDS, WORD_VECTOR));
      stages.add(concat(charTerms, "char_terms"));
      stages.addAll(tfIdf(s, "char_terms", CHAR_VECTOR));
      stages.add(new VectorAssembler().setInputCols(new String[] {WORD_VECTOR, CHAR_VECTOR}).setOutputCol(FEATURES));
    }
    return stages.toArray(PipelineStage[]::new);
  }

  private static SQLTransformer concat(List<String> columns, String output) {
    return new SQLTransformer().setStatement(
        "SELECT *, concat(" + String.join(", ", columns) + ") AS " + output + " FROM __THIS__");
  }

  /** Counts of the terms in {@code input}, IDF-weighted and L2-normalised into {@code output}. */
  private static List<PipelineStage> tfIdf(SupervisedSettings s, String input, String output) {
    // Raw counts by default; train.supervised-binary-tf counts a term once per line however often it repeats. Titles
    // rarely repeat a term: it moved dev.txt accuracy by 0.1 points (README).
    return List.of(new CountVectorizer().setInputCol(input).setOutputCol(output + "_tf").setMinDF(s.minDocFreq())
            .setVocabSize(s.vocabSize()).setBinary(s.binaryTf()),
        new IDF().setInputCol(output + "_tf").setOutputCol(output + "_tfidf"),
        new Normalizer().setInputCol(output + "_tfidf").setOutputCol(output));
  }

  /**
   * The classifier, writing its margins to {@link #MARGINS} and its prediction to {@link #CLASSIFIER_PREDICTION},
   * then the training lines' {@link NeighbourVote} writing {@link #PREDICTION}; without the vote (weight 0) the
   * classifier writes {@link #PREDICTION} itself.
   */
  static PipelineStage[] classifierStages(SupervisedSettings s, Classifier classifier, double regParam) {
    if (!voting(s)) {
      return new PipelineStage[] {classifier(s, classifier, regParam, PREDICTION)};
    }
    return new PipelineStage[] {classifier(s, classifier, regParam, CLASSIFIER_PREDICTION),
        new NeighbourVote().setFeaturesCol(FEATURES).setLabelCol(LABEL).setRawPredictionCol(MARGINS)
            .setPredictionCol(PREDICTION).setNeighbours(s.neighbours()).setWeight(s.neighbourWeight())};
  }

  private static boolean voting(SupervisedSettings s) {
    return s.neighbourWeight() > 0;
  }

  /** The classifier's own accuracy before the neighbours vote; NaN when they do not. */
  private static double withoutNeighbours(SupervisedSettings s, Dataset<Row> predicted) {
    return voting(s) ? score(predicted.select(col(LABEL), col(CLASSIFIER_PREDICTION).as(PREDICTION))).accuracy()
        : Double.NaN;
  }

  // Features are TF-IDF already L2-normalised: standardising would re-weight rare terms up.
  private static Estimator<?> classifier(SupervisedSettings s, Classifier classifier, double regParam,
      String prediction) {
    return switch (classifier) {
      case LOGISTIC -> new LogisticRegression().setFamily("multinomial").setFeaturesCol(FEATURES)
          .setLabelCol(LABEL).setPredictionCol(prediction).setRawPredictionCol(MARGINS)
          .setRegParam(regParam).setElasticNetParam(0).setStandardization(false)
          .setMaxIter(s.maxIter());
      case LINEAR_SVC -> new OneVsRest().setClassifier(new LinearSVC().setRegParam(regParam)
              .setStandardization(false).setMaxIter(s.maxIter()))
          .setFeaturesCol(FEATURES).setLabelCol(LABEL).setPredictionCol(prediction).setRawPredictionCol(MARGINS);
      case SQUARED_HINGE -> new SquaredHingeClassifier().setFeaturesCol(FEATURES).setLabelCol(LABEL)
          .setPredictionCol(prediction).setRawPredictionCol(MARGINS).setRegParam(regParam)
          .setMaxIter(s.maxIter());
    };
  }

  /**
   * Accuracy and macro-F1 of {@code predicted} ({@code label} and {@code prediction} columns), from its confusion
   * counts: only one row per (label, prediction) pair reaches the driver, however many lines were scored.
   */
  static Scores score(Dataset<Row> predicted) {
    List<Row> pairs = predicted.groupBy(col(LABEL), col(PREDICTION)).count().collectAsList();
    int classes = 0;
    for (Row r : pairs) {
      classes = Math.max(classes, (int) Math.max(r.getDouble(0), r.getDouble(1)) + 1);
    }
    long[] tp = new long[classes];
    long[] fp = new long[classes];
    long[] fn = new long[classes];
    long rows = 0;
    long correct = 0;
    for (Row r : pairs) {
      int gold = (int) r.getDouble(0);
      int guess = (int) r.getDouble(1);
      long n = r.getLong(2);
      rows += n;
      if (gold == guess) {
        correct += n;
        tp[gold] += n;
      } else {
        fp[guess] += n;
        fn[gold] += n;
      }
    }
    // Over the classes the test lines or the predictions hold: an index below the largest that neither holds (a
    // class only the training lines have) has no F1 and would count as 0.
    double macro = 0;
    int present = 0;
    for (int c = 0; c < classes; c++) {
      double denom = 2.0 * tp[c] + fp[c] + fn[c];
      if (denom > 0) {
        macro += 2.0 * tp[c] / denom;
        present++;
      }
    }
    return new Scores(rows, rows == 0 ? 0 : (double) correct / rows, present == 0 ? 0 : macro / present);
  }
}
