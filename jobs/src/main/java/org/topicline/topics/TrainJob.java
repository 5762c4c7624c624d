package org.topicline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.udf;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.topicline.ingest.Article;
import org.topicline.io.DataPaths;
import org.topicline.io.DateWindow;
import org.topicline.io.HashShare;
import org.topicline.io.JobResult;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.text.TextAnalyzer;

/**
 * {@code topicline train}: weakly supervised topic models.
 *
 * <p>Steps: 1) read {@code articles} (originals only: {@code dup_of} null) in the window; 2) label each article
 * per topic with the seed rules (positive, negative or left out), gold labels overriding; 3) hold out a split by
 * article id; 4) fit the TF-IDF vocabulary on the training split's words (stored in {@code article_tokens}, or
 * segmented) and cache every article's features and labels; 5) fit one class-weighted logistic regression per
 * topic, all topics in the same passes; 6) count the held-out probabilities into histograms, and those of each
 * training fold under regressions fitted without it, choose each threshold on them all and measure it on the
 * held-out split; 7) count the positives the model finds beyond the rules; 8) write {@code models/<version>/} and
 * {@code model_metrics}. Nothing is collected to the driver in proportion to the corpus.
 */
public final class TrainJob {
  public static final String COMMAND = "train";
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public record Options(String output, String modelsDir, String goldLabels, LocalDate from, LocalDate to,
      TopicSettings settings, TextAnalyzer analyzer, String confHash, String runId, String commandLine) {}

  /**
   * @param thresholdSources per trained topic, how its threshold was chosen (as the model's metadata says)
   */
  public record Result(String version, String modelDir, long articles, List<ModelMetric> metrics,
      Map<String, String> thresholdSources, List<String> untrained) implements JobResult {
    @Override
    public String summary() {
      StringBuilder b = new StringBuilder();
      b.append(String.format("train: %d articles read; model %s written to %s%n", articles, version, modelDir));
      b.append(String.format("model_metrics (held-out split):%n%-20s %9s %9s %9s %8s %8s %7s %9s %6s %6s %7s%n",
          "topic", "precision", "recall", "f1", "roc_auc", "pr_auc", "support", "threshold", "rules", "model",
          "beyond"));
      for (ModelMetric m : metrics) {
        b.append(String.format("%-20s %9.3f %9.3f %9.3f %8s %8s %7d %9.3f %6d %6d %7d%n", m.getTopic(),
            m.getPrecision(), m.getRecall(), m.getF1(), area(m.getRocAuc()), area(m.getPrAuc()), m.getSupport(),
            m.getThreshold(), m.getRulePositives(), m.getModelPositives(), m.getBeyondRules()));
      }
      for (ModelMetric m : metrics) {
        if (m.getSupport() < MIN_HELD_OUT_POSITIVES) {
          b.append(String.format("few positives: %s has %d training and %d held-out positives: its held-out figures "
              + "measure little; threshold %s (it labels %d articles, %d of them among the seed rules' %d positives). "
              + "Gold labels (train --gold) or a wider window give it more.%n",
              m.getTopic(), m.getTrainPositives(), m.getSupport(), thresholdSources.get(m.getTopic()),
              m.getModelPositives(), m.getModelPositives() - m.getBeyondRules(), m.getRulePositives()));
        }
      }
      for (String u : untrained) {
        b.append("not trained: ").append(u).append('\n');
      }
      return b.toString();
    }

    /** An area as printed: n/a where the held-out split lacks a class. */
    private static String area(Double v) {
      return v == null ? "n/a" : String.format("%.3f", v);
    }
  }

  /**
   * Positives needed before figures are taken from them: held-out metrics on fewer are flagged, and a threshold with
   * fewer positives scored out of training is left at 0.5.
   */
  public static final int MIN_HELD_OUT_POSITIVES = 10;

  private TrainJob() {}

  public static Result run(SparkSession spark, Options o) {
    RunRecord record = RunLog.start(o.runId(), COMMAND, o.commandLine(), o.confHash());
    return RunLog.logged(spark, o.output(), record, () -> train(spark, o, record));
  }

  private static Result train(SparkSession spark, Options o, RunRecord record) {
    List<TopicSpec> topics = o.settings().topics();
    TopicSettings.TrainSettings ts = o.settings().train();
    String version = VERSION.format(java.time.Instant.now());
    String modelDir = TopicModel.versionDir(o.modelsDir(), version);
    int n = topics.size();

    spark.sparkContext().setJobGroup("train", "1) read articles, 2) weak labels, 3) held-out split", false);
    Dataset<Article> articles = window(TableIO.read(spark, o.output(), Tables.ARTICLES, Article.ENCODER), o);
    List<GoldLabels.Label> goldLabels = o.goldLabels() == null ? List.of() : GoldLabels.read(spark, o.goldLabels(),
        topics.stream().map(TopicSpec::id).collect(Collectors.toCollection(LinkedHashSet::new)));
    Map<String, Integer> gold = gold(goldLabels);
    long goldUsed = goldUsed(articles, goldLabels);
    // Tokens from article_tokens where the tokenise step wrote them with this analyzer; the rest are segmented.
    PipelineModel tokenizers = TopicFeatures.tokenizers(o.analyzer());
    Dataset<Row> tokens = tokenizers.transform(TopicFeatures.withStoredTokens(spark, o.output(),
        labelled(articles, topics, gold, ts.heldOutFraction(), ts.thresholdFolds()), o.analyzer()));

    spark.sparkContext().setJobGroup("train", "4) fit the TF-IDF vocabulary on the training split", false);
    TopicVectorizerModel vectorizer = TopicFeatures.vectorizer(ts).fit(tokens.filter(col("tl_held_out")
        .equalTo(false)));

    spark.sparkContext().setJobGroup("train", "4) cache the articles' features and labels", false);
    // One partition per core: every L-BFGS pass sums one vocabulary-sized gradient per partition, so partitions
    // beyond the cores only add that traffic (16 made it most of a pass).
    JavaRDD<TopicInstance> instances = instances(tokens, vectorizer.blocks(), n)
        .coalesce(spark.sparkContext().defaultParallelism())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return fitAndWrite(spark, o, record, version, modelDir, tokenizers, vectorizer, instances, goldUsed);
    } finally {
      instances.unpersist(false);
    }
  }

  private static Result fitAndWrite(SparkSession spark, Options o, RunRecord record, String version,
      String modelDir, PipelineModel tokenizers, TopicVectorizerModel vectorizer, JavaRDD<TopicInstance> instances,
      long goldUsed) {
    List<TopicSpec> topics = o.settings().topics();
    TopicSettings.TrainSettings ts = o.settings().train();
    int n = topics.size();
    spark.sparkContext().setJobGroup("train", "5) class counts", false);
    // [topic][weight class] over the training split, plus the articles read.
    long[] counted = instances.aggregate(new long[slot(n, 0) + 1], (c, x) -> {
      c[slot(n, 0)]++;
      for (int i = 0; i < n && !x.heldOut(); i++) {
        if (x.labels()[i] >= 0) {
          c[slot(i, x.weightClass(i))]++;
        }
      }
      return c;
    }, TrainJob::sum);
    long articleCount = counted[slot(n, 0)];
    record.setRecordsRead(articleCount);

    List<TopicModel.Topic> trained = new ArrayList<>();
    List<ModelMetric> metrics = new ArrayList<>();
    List<String> untrained = new ArrayList<>();
    List<Map<String, Object>> topicMeta = new ArrayList<>();
    double[][] classWeights = new double[n][];
    for (int i = 0; i < n; i++) {
      TopicSpec t = topics.get(i);
      long pos = count(counted, i, TopicInstance.POSITIVE);
      long neg = negatives(counted, i);
      long mentioning = count(counted, i, TopicInstance.MENTIONING_NEGATIVE);
      Map<String, Object> meta = TopicModel.map();
      meta.put("id", t.id());
      meta.put("display_name", t.displayName());
      meta.put("train_positives", pos);
      meta.put("train_negatives", neg);
      meta.put("train_mentioning_negatives", mentioning);
      topicMeta.add(meta);
      if (pos < 2 || neg < 2) {
        untrained.add(t.id() + ": " + pos + " positives and " + neg + " negatives in the training split");
        meta.put("trained", false);
        continue;
      }
      classWeights[i] = classWeights(pos, neg, mentioning, ts.mentioningNegativeShare());
    }

    spark.sparkContext().setJobGroup("train", "5) logistic regressions, all topics in each pass", false);
    MultiTopicLogisticRegression.Fit[] fits = MultiTopicLogisticRegression.fit(instances, vectorizer.blocks().size(),
        classWeights, fitSettings(ts));

    spark.sparkContext().setJobGroup("train", "6) held-out histograms", false);
    double[][] coef = coefficients(fits);
    BinaryMetrics.Histogram[][] held = histograms(instances.filter(TopicInstance::heldOut), coef);
    // The thresholds are chosen on every article scored by a regression that did not see it: the held-out split
    // under the model, and each training fold under one fitted without it. The held-out split alone holds a fifth
    // of a topic's positives (56 for digital_government on the shared corpus), so its best F-beta moved with a few
    // articles: rules changes that moved a few corpus positives moved it between 0.863 and 0.897 (README).
    boolean folds = ts.thresholdFolds() > 1;
    long[] outOfTraining = new long[n];
    double[][] foldWeights = new double[n][];
    for (int i = 0; i < n; i++) {
      if (fits[i] != null) {
        outOfTraining[i] = held[i][CONFIDENT].positives() + (folds ? count(counted, i, TopicInstance.POSITIVE) : 0);
        if (folds && topics.get(i).threshold() == null && outOfTraining[i] >= MIN_HELD_OUT_POSITIVES) {
          // The same weights as the model's: each fold leaves out about the same share of every class.
          foldWeights[i] = classWeights[i];
        }
      }
    }
    BinaryMetrics.Histogram[] folded = foldHistograms(spark, instances, vectorizer.blocks().size(), foldWeights, ts);
    BinaryMetrics.Histogram[] choosing = new BinaryMetrics.Histogram[n];
    for (int i = 0; i < n; i++) {
      if (fits[i] != null) {
        choosing[i] = new BinaryMetrics.Histogram().merge(held[i][ALL]);
        if (folded[i] != null) {
          choosing[i].merge(folded[i]);
        }
      }
    }
    double[] thresholds = new double[n];
    Map<String, String> sources = new java.util.LinkedHashMap<>();
    String where = folds ? "the held-out split and " + ts.thresholdFolds() + " training folds" : "the held-out split";
    List<Transformer> featureStages = new ArrayList<>(Arrays.asList(tokenizers.stages()));
    featureStages.add(vectorizer);
    for (int i = 0; i < n; i++) {
      if (fits[i] == null) {
        continue;
      }
      TopicSpec t = topics.get(i);
      Map<String, Object> meta = topicMeta.get(i);
      meta.put("iterations", fits[i].iterations());
      meta.put("converged", fits[i].converged());
      String thresholdSource;
      double threshold;
      if (t.threshold() != null) {
        threshold = t.threshold();
        thresholdSource = "conf";
      } else if (outOfTraining[i] >= MIN_HELD_OUT_POSITIVES) {
        // With the ambiguous articles too: they lie between a passing mention and a main subject, which the rubric
        // does not count, so the threshold is chosen with them as negatives.
        threshold = BinaryMetrics.bestThreshold(choosing[i], ts.thresholdBeta());
        thresholdSource = "best F-beta, beta " + ts.thresholdBeta() + ", on " + where;
        meta.put("threshold_best_f1", BinaryMetrics.bestThreshold(choosing[i], 1));
        meta.put("threshold_positives", choosing[i].positives());
      } else {
        // A best-F1 threshold over a handful of positives is noise (it drops to whatever the few score).
        threshold = 0.5;
        thresholdSource = "0.5: only " + outOfTraining[i] + " positives in " + where;
      }
      sources.put(t.id(), thresholdSource);
      thresholds[i] = threshold;
      // Metrics stay on the confident weak labels.
      BinaryMetrics m = BinaryMetrics.at(held[i][CONFIDENT], threshold);

      List<Transformer> pipelineStages = new ArrayList<>(featureStages);
      pipelineStages.add(fits[i].model("topic_lr_" + t.id(), TopicFeatures.FEATURES));
      trained.add(new TopicModel.Topic(t.id(), t.displayName(), new PipelineModel("topic_" + t.id(), pipelineStages),
          threshold, t));

      ModelMetric mm = new ModelMetric();
      mm.setModelVersion(version);
      mm.setTopic(t.id());
      mm.setPrecision(m.precision());
      mm.setRecall(m.recall());
      mm.setF1(m.f1());
      mm.setRocAuc(m.rocAuc());
      mm.setPrAuc(m.prAuc());
      mm.setSupport(m.support());
      mm.setThreshold(threshold);
      mm.setHeldOut(m.size());
      mm.setTrainPositives(count(counted, i, TopicInstance.POSITIVE));
      mm.setTrainNegatives(negatives(counted, i));
      mm.setRunId(o.runId());
      metrics.add(mm);
      meta.put("trained", true);
      meta.put("threshold", threshold);
      meta.put("threshold_source", thresholdSource);
      meta.put("rules", t.toMap());
    }
    if (trained.isEmpty()) {
      throw new IllegalStateException("no topic could be trained: " + String.join("; ", untrained));
    }

    spark.sparkContext().setJobGroup("train", "7) positives beyond the rules", false);
    countBeyondRules(instances, coef, thresholds, topics, metrics);

    spark.sparkContext().setJobGroup("train", "8) write the model and model_metrics", false);
    for (TopicModel.Topic t : trained) {
      try {
        t.pipeline().write().overwrite().save(modelDir + "/" + TopicModel.TOPICS_DIR + "/" + t.id());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot save the model of " + t.id(), e);
      }
    }
    Map<String, Object> meta = TopicModel.map();
    meta.put("version", version);
    meta.put("run_id", o.runId());
    meta.put("conf_hash", o.confHash());
    meta.put("dictionary_hash", o.analyzer().dictionaryHash());
    meta.put("segmenter", o.analyzer().segmenter());
    meta.put("name_recognition", o.analyzer().nameRecognition());
    meta.put("bundled_dictionary", o.analyzer().bundledDictionary());
    meta.put("window_from", o.from() == null ? null : o.from().toString());
    meta.put("window_to", o.to() == null ? null : o.to().toString());
    meta.put("articles", articleCount);
    meta.put("features", vectorizer.blocks().size());
    meta.put("gold_labels", o.goldLabels());
    meta.put("gold_labels_used", goldUsed);
    Map<String, ModelMetric> byTopic = metrics.stream().collect(Collectors.toMap(ModelMetric::getTopic, m -> m));
    for (Map<String, Object> tm : topicMeta) {
      ModelMetric m = byTopic.get((String) tm.get("id"));
      if (m != null) {
        // Not Map.of: the areas are null when the held-out split lacks a class.
        Map<String, Object> mm = TopicModel.map();
        mm.put("precision", m.getPrecision());
        mm.put("recall", m.getRecall());
        mm.put("f1", m.getF1());
        mm.put("roc_auc", m.getRocAuc());
        mm.put("pr_auc", m.getPrAuc());
        mm.put("support", m.getSupport());
        mm.put("held_out", m.getHeldOut());
        mm.put("rule_positives", m.getRulePositives());
        mm.put("model_positives", m.getModelPositives());
        mm.put("beyond_rules", m.getBeyondRules());
        tm.put("metrics", mm);
      }
    }
    meta.put("topics", topicMeta);
    DataPaths.writeText(spark, modelDir + "/" + TopicModel.METADATA, TopicModel.metadataJson(meta));
    long written = TableIO.write(spark.createDataset(metrics, ModelMetric.ENCODER).coalesce(1), o.output(),
        ModelMetric.SPEC, TableIO.Mode.APPEND, o.runId());
    record.getRowsWritten().put(Tables.MODEL_METRICS, written);
    return new Result(version, modelDir, articleCount, metrics, sources, untrained);
  }

  /** Each article's features (as floats) with its per-topic labels, weak labels, gates and mentions. */
  static JavaRDD<TopicInstance> instances(Dataset<Row> tokens, TfIdfBlocks blocks, int topics) {
    List<String> cols = new ArrayList<>(List.of(FOLD, TopicFeatures.HEADLINE_TOKENS,
        TopicFeatures.BODY_TOKENS));
    for (int i = 0; i < topics; i++) {
      cols.add(labelCol(i));
      cols.add(ruleCol(i));
      cols.add(gateCol(i));
      cols.add(mentionedCol(i));
    }
    org.apache.spark.broadcast.Broadcast<TfIdfBlocks> b = tokens.sparkSession().sparkContext()
        .broadcast(blocks, scala.reflect.ClassTag$.MODULE$.apply(TfIdfBlocks.class));
    return tokens.select(cols.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new)).javaRDD()
        .map(r -> {
          org.apache.spark.ml.linalg.SparseVector v = b.value().vector(
              r.isNullAt(1) ? null : r.getList(1), r.isNullAt(2) ? null : r.getList(2));
          float[] values = new float[v.values().length];
          for (int k = 0; k < values.length; k++) {
            values[k] = (float) v.values()[k];
          }
          byte[] labels = new byte[topics];
          byte[] rules = new byte[topics];
          boolean[] gates = new boolean[topics];
          boolean[] mentioned = new boolean[topics];
          for (int i = 0; i < topics; i++) {
            labels[i] = (byte) r.getInt(3 + 4 * i);
            rules[i] = (byte) r.getInt(4 + 4 * i);
            gates[i] = r.getBoolean(5 + 4 * i);
            mentioned[i] = r.getBoolean(6 + 4 * i);
          }
          return new TopicInstance(v.indices(), values, labels, rules, gates, mentioned, r.getInt(0));
        });
  }

  static Dataset<Article> window(Dataset<Article> articles, Options o) {
    return articles.filter(col("dupOf").isNull().and(DateWindow.within("pubDate", o.from(), o.to())));
  }

  static String ruleCol(int topic) {
    return "tl_rule_" + topic;
  }

  static String labelCol(int topic) {
    return "tl_label_" + topic;
  }

  /** Whether the rules let the model label the article for topic i (more than a passing mention). */
  static String gateCol(int topic) {
    return "tl_gate_" + topic;
  }

  /** Whether topic i gets more than a passing mention ({@link SeedRules#mentioned}), whatever its label. */
  static String mentionedCol(int topic) {
    return "tl_mentioned_" + topic;
  }

  /**
   * Adds per topic the seed rules' weak label ({@code tl_rule_i}: 1, 0, or -1 left out), the training label
   * ({@code tl_label_i}: a gold label where there is one, else the weak label), the gate and whether the topic is
   * mentioned, the fold ({@value #FOLD}: by a hash of the article id, -1 held out, else the article's fold of the
   * training split) and the held-out flag ({@code tl_held_out}, fold -1).
   */
  static Dataset<Row> labelled(Dataset<Article> articles, List<TopicSpec> topics, Map<String, Integer> gold,
      double heldOutFraction, int folds) {
    // One pass of the rules per article (the text normalised and split once) gives, for every topic, the weak label,
    // whether the model may label the article and whether the topic is mentioned.
    TopicSpec[] specs = topics.toArray(TopicSpec[]::new);
    UDF2<String, String, int[]> rule = (headline, body) -> {
      SeedRules.Text text = SeedRules.Text.of(headline, body);
      int[] out = new int[3 * specs.length];
      for (int i = 0; i < specs.length; i++) {
        SeedRules.Score s = SeedRules.score(specs[i], text);
        out[3 * i] = SeedRules.weakLabel(specs[i], s);
        out[3 * i + 1] = SeedRules.mayLabel(specs[i], s) ? 1 : 0;
        out[3 * i + 2] = SeedRules.mentioned(specs[i], s) ? 1 : 0;
      }
      return out;
    };
    String rules = "tl_rules";
    Dataset<Row> df = articles.toDF().withColumn(rules, udf(rule, DataTypes.createArrayType(DataTypes.IntegerType,
        false)).apply(concat_ws(" ", col("kicker"), col("title"), col("subtitle")), col("body")));
    for (int i = 0; i < topics.size(); i++) {
      df = df.withColumn(ruleCol(i), col(rules).getItem(3 * i))
          .withColumn(gateCol(i), col(rules).getItem(3 * i + 1).equalTo(1))
          .withColumn(mentionedCol(i), col(rules).getItem(3 * i + 2).equalTo(1));
      String topicId = topics.get(i).id();
      UDF4<String, String, String, Integer, Integer> label = (articleId, source, sourceId, weak) -> {
        Integer g = gold.get(articleId + "\t" + topicId);
        if (g == null) {
          g = gold.get(GoldLabels.sourceKey(source, sourceId) + "\t" + topicId);
        }
        return g != null ? g : weak;
      };
      df = df.withColumn(labelCol(i), gold.isEmpty() ? col(ruleCol(i))
          : udf(label, DataTypes.IntegerType).apply(col("articleId"), col("source"), col("sourceId"),
              col(ruleCol(i))));
    }
    // One hash of the article id gives both: the held-out split is fold -1.
    return df.drop(rules).withColumn(FOLD, HashShare.fold(heldOutFraction, folds, col("articleId")))
        .withColumn("tl_held_out", col(FOLD).equalTo(-1));
  }

  /** Gold labels by item key and topic, as {@link #labelled} looks them up. */
  static Map<String, Integer> gold(List<GoldLabels.Label> labels) {
    Map<String, Integer> gold = new HashMap<>();
    for (GoldLabels.Label l : labels) {
      gold.put(l.key() + "\t" + l.topic(), l.label());
    }
    return gold;
  }

  /**
   * Gold labels whose item is an article of the window: a label for an article outside it (or not ingested) changes
   * nothing. Only the matched item keys reach the driver, at most one per label.
   */
  private static long goldUsed(Dataset<Article> articles, List<GoldLabels.Label> labels) {
    if (labels.isEmpty()) {
      return 0;
    }
    HashSet<String> keys = labels.stream().map(GoldLabels.Label::key).collect(Collectors.toCollection(HashSet::new));
    FlatMapFunction<Row, String> matched = r -> Stream.of(r.getString(0), GoldLabels.sourceKey(r.getString(1),
        r.getString(2))).filter(keys::contains).iterator();
    HashSet<String> found = new HashSet<>(articles.select(col("articleId"), col("source"), col("sourceId"))
        .flatMap(matched, Encoders.STRING()).distinct().collectAsList());
    return labels.stream().filter(l -> found.contains(l.key())).count();
  }

  /** Index into {@link #histograms}: the confident weak labels only. */
  static final int CONFIDENT = 0;
  /** Index into {@link #histograms}: every article, ambiguous ones counted as negatives. */
  static final int ALL = 1;

  /** Column of {@link #labelled}: the article's fold, -1 when held out. */
  static final String FOLD = "tl_fold";

  /**
   * Per topic with coefficients, histograms of the articles' probabilities as scoring gives them (0 where the rules
   * do not let the model label the article): {@code [topic][CONFIDENT]} over the confident weak labels,
   * {@code [topic][ALL]} over every article. Only the fixed-size histograms reach the driver, whatever the corpus
   * size.
   */
  private static BinaryMetrics.Histogram[][] histograms(JavaRDD<TopicInstance> articles, double[][] coef) {
    int n = coef.length;
    return articles.mapPartitions(rows -> {
      BinaryMetrics.Histogram[][] h = new BinaryMetrics.Histogram[n][2];
      for (int i = 0; i < n; i++) {
        h[i][CONFIDENT] = new BinaryMetrics.Histogram();
        h[i][ALL] = new BinaryMetrics.Histogram();
      }
      while (rows.hasNext()) {
        TopicInstance x = rows.next();
        for (int i = 0; i < n; i++) {
          if (coef[i] == null) {
            continue;
          }
          // Scoring labels only articles the rules let through, so the threshold is chosen on the same footing.
          double p = x.gates()[i] ? x.probability(coef[i]) : 0;
          int label = x.labels()[i];
          h[i][ALL].add(p, label == 1);
          if (label >= 0) {
            h[i][CONFIDENT].add(p, label == 1);
          }
        }
      }
      return java.util.List.<BinaryMetrics.Histogram[][]>of(h).iterator();
    }).reduce((a, b) -> {
      for (int i = 0; i < n; i++) {
        a[i][CONFIDENT].merge(b[i][CONFIDENT]);
        a[i][ALL].merge(b[i][ALL]);
      }
      return a;
    });
  }

  /**
   * Per topic with weights, the histogram of every training fold's probabilities (ambiguous articles as negatives)
   * under regressions fitted without that fold; null for the others, and for all when no topic has weights.
   */
  private static BinaryMetrics.Histogram[] foldHistograms(SparkSession spark, JavaRDD<TopicInstance> instances,
      int features, double[][] weights, TopicSettings.TrainSettings ts) {
    int n = weights.length;
    BinaryMetrics.Histogram[] out = new BinaryMetrics.Histogram[n];
    if (Arrays.stream(weights).allMatch(w -> w == null)) {
      return out;
    }
    for (int f = 0; f < ts.thresholdFolds(); f++) {
      int fold = f;
      spark.sparkContext().setJobGroup("train", "6) fold " + (f + 1) + " of " + ts.thresholdFolds()
          + ": regressions without it, its histograms", false);
      double[][] coef = coefficients(MultiTopicLogisticRegression.fit(instances.filter(x -> x.fold() != fold),
          features, weights, fitSettings(ts)));
      BinaryMetrics.Histogram[][] h = histograms(instances.filter(x -> x.fold() == fold), coef);
      for (int i = 0; i < n; i++) {
        if (weights[i] != null) {
          out[i] = out[i] == null ? h[i][ALL] : out[i].merge(h[i][ALL]);
        }
      }
    }
    return out;
  }

  /** Per topic, the fit's coefficients with the intercept last ({@link TopicInstance#probability}); null unfitted. */
  private static double[][] coefficients(MultiTopicLogisticRegression.Fit[] fits) {
    double[][] coef = new double[fits.length][];
    for (int i = 0; i < fits.length; i++) {
      if (fits[i] != null) {
        coef[i] = Arrays.copyOf(fits[i].coefficients(), fits[i].coefficients().length + 1);
        coef[i][coef[i].length - 1] = fits[i].intercept();
      }
    }
    return coef;
  }

  private static MultiTopicLogisticRegression.Settings fitSettings(TopicSettings.TrainSettings ts) {
    return new MultiTopicLogisticRegression.Settings(ts.regParam(), ts.maxIter(), ts.tol());
  }

  /** Where topic i's count of one weight class stands in the counts (slot(topics, 0): the articles read). */
  private static int slot(int i, int weightClass) {
    return TopicInstance.WEIGHT_CLASSES * i + weightClass;
  }

  /** Topic i's training articles of one weight class, in the counts by topic and weight class. */
  private static long count(long[] counted, int i, int weightClass) {
    return counted[slot(i, weightClass)];
  }

  /** Topic i's training negatives, whether they mention the topic or not. */
  private static long negatives(long[] counted, int i) {
    return count(counted, i, TopicInstance.NEGATIVE) + count(counted, i, TopicInstance.MENTIONING_NEGATIVE);
  }

  /**
   * Weights per {@link TopicInstance#weightClass} (negative, positive, negative that mentions the topic). Positives
   * and negatives weigh the same in the loss, however rare the topic; of the negatives' half, {@code share} goes to
   * the negatives that mention the topic. They are a few per cent of the negatives (a long article with a paragraph
   * on the topic, a discipline case full of party words), yet they are what the model must tell a main subject from
   * where it labels: articles the rules read as ambiguous, which training never sees. Weighed by their number only,
   * the model learns the topic's vocabulary and little of how much of an article it takes. When there are none, or
   * nothing else, the negatives share one weight.
   */
  static double[] classWeights(long positives, long negatives, long mentioning, double share) {
    double total = positives + negatives;
    double positive = total / (2.0 * positives);
    if (mentioning == 0 || mentioning == negatives) {
      double negative = total / (2.0 * negatives);
      return new double[] {negative, positive, negative};
    }
    return new double[] {(1 - share) * total / (2.0 * (negatives - mentioning)), positive,
        share * total / (2.0 * mentioning)};
  }

  private static long[] sum(long[] a, long[] b) {
    long[] c = new long[a.length];
    for (int k = 0; k < a.length; k++) {
      c[k] = a[k] + b[k];
    }
    return c;
  }

  /** Per trained topic: articles the rules call positive, articles the model labels, and those beyond the rules. */
  private static void countBeyondRules(JavaRDD<TopicInstance> instances, double[][] coef, double[] thresholds,
      List<TopicSpec> topics, List<ModelMetric> metrics) {
    int n = metrics.size();
    int[] ruleIndex = new int[n];
    for (int m = 0; m < n; m++) {
      String id = metrics.get(m).getTopic();
      for (int i = 0; i < topics.size(); i++) {
        if (topics.get(i).id().equals(id)) {
          ruleIndex[m] = i;
        }
      }
    }
    long[] counts = instances.map(x -> {
      long[] c = new long[3 * n];
      for (int m = 0; m < n; m++) {
        int i = ruleIndex[m];
        boolean rule = x.rules()[i] == SeedRules.POSITIVE;
        boolean model = x.gates()[i] && x.probability(coef[i]) >= thresholds[i];
        c[3 * m] += rule ? 1 : 0;
        c[3 * m + 1] += model ? 1 : 0;
        c[3 * m + 2] += model && !rule ? 1 : 0;
      }
      return c;
    }).reduce(TrainJob::sum);
    for (int m = 0; m < n; m++) {
      metrics.get(m).setRulePositives(counts[3 * m]);
      metrics.get(m).setModelPositives(counts[3 * m + 1]);
      metrics.get(m).setBeyondRules(counts[3 * m + 2]);
    }
  }
}
