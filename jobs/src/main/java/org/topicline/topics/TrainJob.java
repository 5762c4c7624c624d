package org.topicline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.storage.StorageLevel;
import org.topicline.ingest.Article;
import org.topicline.io.DataPaths;
import org.topicline.io.DateWindow;
import org.topicline.io.JobResult;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.text.HanLPTokenizer;
import org.topicline.text.TextAnalyzer;

/**
 * {@code topicline train}: weakly supervised topic models.
 *
 * <p>Steps: 1) read {@code articles} (originals only: {@code dup_of} null) in the window; 2) label each article
 * per topic with the seed rules (positive, negative or left out), gold labels overriding; 3) hold out a split by
 * article id; 4) segment once, fit the shared TF-IDF features on the training split; 5) per topic, fit a
 * class-weighted logistic regression; 6) count the held-out probabilities into histograms, choose each threshold
 * and measure it there; 7) count the positives the model finds beyond the rules; 8) write {@code models/<version>/}
 * and {@code model_metrics}. Nothing is collected to the driver in proportion to the corpus.
 */
public final class TrainJob {
  public static final String COMMAND = "train";
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public record Options(String output, String modelsDir, String goldLabels, LocalDate from, LocalDate to,
      TopicSettings settings, TextAnalyzer analyzer, String confHash, String runId, String commandLine) {}

  public record Result(String version, String modelDir, long articles, List<ModelMetric> metrics,
      List<String> untrained) implements JobResult {
    @Override
    public String summary() {
      StringBuilder b = new StringBuilder();
      b.append(String.format("train: %d articles read; model %s written to %s%n", articles, version, modelDir));
      b.append(String.format("model_metrics (held-out split):%n%-20s %9s %9s %9s %8s %8s %7s %9s %6s %6s %7s%n",
          "topic", "precision", "recall", "f1", "roc_auc", "pr_auc", "support", "threshold", "rules", "model",
          "beyond"));
      for (ModelMetric m : metrics) {
        b.append(String.format("%-20s %9.3f %9.3f %9.3f %8.3f %8.3f %7d %9.3f %6d %6d %7d%n", m.getTopic(),
            m.getPrecision(), m.getRecall(), m.getF1(), m.getRocAuc(), m.getPrAuc(), m.getSupport(),
            m.getThreshold(), m.getRulePositives(), m.getModelPositives(), m.getBeyondRules()));
      }
      for (String u : untrained) {
        b.append("not trained: ").append(u).append('\n');
      }
      return b.toString();
    }
  }

  /** Held-out weak positives needed before the threshold is chosen on them rather than left at 0.5. */
  static final int MIN_HELD_OUT_POSITIVES = 10;

  private TrainJob() {}

  public static Result run(SparkSession spark, Options o) {
    RunRecord record = RunLog.start(o.runId(), COMMAND, o.commandLine(), o.confHash());
    try {
      Result r = train(spark, o, record);
      record.setStatus(RunLog.SUCCEEDED);
      return r;
    } catch (RuntimeException e) {
      record.setStatus(RunLog.FAILED);
      record.setMessage(String.valueOf(e.getMessage()));
      throw e;
    } finally {
      RunLog.append(spark, o.output(), record);
    }
  }

  private static Result train(SparkSession spark, Options o, RunRecord record) {
    List<TopicSpec> topics = o.settings().topics();
    TopicSettings.TrainSettings ts = o.settings().train();
    String version = VERSION.format(java.time.Instant.now());
    String modelDir = TopicModel.versionDir(o.modelsDir(), version);

    spark.sparkContext().setJobGroup("train", "1) read articles", false);
    Dataset<Article> articles = window(TableIO.read(spark, o.output(), Tables.ARTICLES, Article.ENCODER), o);

    spark.sparkContext().setJobGroup("train", "2) weak labels, 3) held-out split, 4) segment", false);
    Map<String, Integer> gold = gold(spark, o, topics);
    // Tokens from article_tokens where the tokenise step wrote them with this analyzer; the rest are segmented.
    Dataset<Row> labelled = TopicFeatures.withStoredTokens(spark, o.output(),
        labelled(articles, topics, gold, ts.heldOutFraction()), o.analyzer());
    Pipeline features = TopicFeatures.pipeline(o.analyzer(), ts);
    PipelineStage[] stages = features.getStages();
    int tokenStages = lastTokenizer(stages) + 1;
    // What every later step reads of an article besides its words or features.
    List<String> labels = new ArrayList<>(List.of("articleId", "tl_held_out"));
    for (int i = 0; i < topics.size(); i++) {
      labels.add(ruleCol(i));
      labels.add(labelCol(i));
      labels.add(gateCol(i));
    }
    // Segmenting is the costly step: do it once, keep the tokens, and fit the vectorisers on them. Only the tokens
    // and labels are kept: with the article text and the body bigrams (derived cheaply again) the cache was several
    // times the corpus. Both caches go to disk: in memory they filled a 2 GB heap at twice the corpus, and every
    // logistic regression keeps its own in-memory blocks of the features anyway.
    PipelineModel tokenModel = new Pipeline().setStages(Arrays.copyOf(stages, tokenStages)).fit(labelled);
    List<org.apache.spark.sql.Column> cached = new ArrayList<>(labels.stream().map(c -> col(c)).toList());
    cached.add(col(TopicFeatures.HEADLINE_TOKENS));
    cached.add(col(TopicFeatures.BODY_TOKENS));
    Dataset<Row> tokens = tokenModel.transform(labelled).select(cached.toArray(org.apache.spark.sql.Column[]::new))
        .persist(StorageLevel.DISK_ONLY());
    long articleCount = tokens.count();
    record.setRecordsRead(articleCount);

    spark.sparkContext().setJobGroup("train", "4) fit TF-IDF features", false);
    PipelineModel vectorModel = new Pipeline().setStages(Arrays.copyOfRange(stages, tokenStages, stages.length))
        .fit(tokens.filter(col("tl_held_out").equalTo(false)));
    // VectorAssembler names every feature in the column's metadata (megabytes for a 250k vocabulary), and that
    // metadata rides in the task binary of every L-BFGS iteration; the regression needs only the vector size.
    List<org.apache.spark.sql.Column> kept = new ArrayList<>(labels.stream().map(c -> col(c)).toList());
    kept.add(col(TopicFeatures.FEATURES).as(TopicFeatures.FEATURES, Metadata.empty()));
    Dataset<Row> featurised = vectorModel.transform(tokens).select(kept.toArray(org.apache.spark.sql.Column[]::new))
        .persist(StorageLevel.DISK_ONLY());
    featurised.count();
    tokens.unpersist();
    List<Transformer> featureStages = new ArrayList<>(Arrays.asList(tokenModel.stages()));
    featureStages.addAll(Arrays.asList(vectorModel.stages()));

    List<TopicModel.Topic> trained = new ArrayList<>();
    List<ModelMetric> metrics = new ArrayList<>();
    List<String> untrained = new ArrayList<>();
    List<Map<String, Object>> topicMeta = new ArrayList<>();
    spark.sparkContext().setJobGroup("train", "5) class counts", false);
    long[][] counts = classCounts(featurised, topics.size());
    LogisticRegressionModel[] fitted = new LogisticRegressionModel[topics.size()];
    for (int i = 0; i < topics.size(); i++) {
      TopicSpec t = topics.get(i);
      long pos = counts[i][1];
      long neg = counts[i][0];
      Map<String, Object> meta = TopicModel.map();
      meta.put("id", t.id());
      meta.put("display_name", t.displayName());
      meta.put("train_positives", pos);
      meta.put("train_negatives", neg);
      topicMeta.add(meta);
      if (pos < 2 || neg < 2) {
        untrained.add(t.id() + ": " + pos + " positives and " + neg + " negatives in the training split");
        meta.put("trained", false);
        continue;
      }
      spark.sparkContext().setJobGroup("train", "5) topic " + t.id(), false);
      double total = pos + neg;
      // One partition per core: every L-BFGS iteration sends each partition's dense gradient (the whole vocabulary)
      // back and aggregates them in a tree, so partitions beyond the cores only add that traffic (16 partitions
      // made it most of an iteration's time).
      Dataset<Row> weighted = featurised
          .filter(col("tl_held_out").equalTo(false).and(col(labelCol(i)).geq(0)))
          .coalesce(spark.sparkContext().defaultParallelism())
          .withColumn("tl_weight",
              when(col(labelCol(i)).equalTo(1), lit(total / (2.0 * pos))).otherwise(lit(total / (2.0 * neg))))
          .withColumn("tl_label", col(labelCol(i)).cast(DataTypes.DoubleType));
      LogisticRegression lr = new LogisticRegression().setFeaturesCol(TopicFeatures.FEATURES)
          .setLabelCol("tl_label").setWeightCol("tl_weight").setRegParam(ts.regParam()).setMaxIter(ts.maxIter())
          .setStandardization(false).setElasticNetParam(0).setProbabilityCol("tl_probability")
          .setRawPredictionCol("tl_raw").setPredictionCol("tl_prediction");
      fitted[i] = lr.fit(weighted);
      meta.put("iterations", fitted[i].summary().totalIterations());
    }

    spark.sparkContext().setJobGroup("train", "6) held-out histograms", false);
    BinaryMetrics.Histogram[][] held = heldOutHistograms(featurised, fitted);
    for (int i = 0; i < topics.size(); i++) {
      if (fitted[i] == null) {
        continue;
      }
      TopicSpec t = topics.get(i);
      LogisticRegressionModel model = fitted[i];
      Map<String, Object> meta = topicMeta.get(i);
      long heldPositives = held[i][CONFIDENT].positives();
      String thresholdSource;
      double threshold;
      if (t.threshold() != null) {
        threshold = t.threshold();
        thresholdSource = "conf";
      } else if (heldPositives >= MIN_HELD_OUT_POSITIVES) {
        // The held-out split with its ambiguous articles too: they lie between a passing mention and a main
        // subject, which the rubric does not count, so the threshold is chosen with them as negatives.
        threshold = BinaryMetrics.bestThreshold(held[i][ALL], ts.thresholdBeta());
        thresholdSource = "held-out best F-beta, beta " + ts.thresholdBeta();
        meta.put("threshold_best_f1", BinaryMetrics.bestThreshold(held[i][ALL], 1));
      } else {
        // A best-F1 threshold over a handful of positives is noise (it drops to whatever the few score).
        threshold = 0.5;
        thresholdSource = "0.5: only " + heldPositives + " held-out positives";
      }
      // Metrics stay on the confident weak labels.
      BinaryMetrics m = BinaryMetrics.at(held[i][CONFIDENT], threshold);

      List<Transformer> pipelineStages = new ArrayList<>(featureStages);
      pipelineStages.add(model);
      PipelineModel pipeline = new PipelineModel("topic_" + t.id(), pipelineStages);
      trained.add(new TopicModel.Topic(t.id(), t.displayName(), pipeline, threshold, t));

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
      mm.setTrainPositives(counts[i][1]);
      mm.setTrainNegatives(counts[i][0]);
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
    TopicModel model = new TopicModel(version, trained, null);
    countBeyondRules(featurised, model.scorer(0), topics, metrics);
    featurised.unpersist();

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
    meta.put("window_from", o.from() == null ? null : o.from().toString());
    meta.put("window_to", o.to() == null ? null : o.to().toString());
    meta.put("articles", articleCount);
    meta.put("gold_labels", o.goldLabels());
    meta.put("gold_labels_used", gold.size());
    Map<String, ModelMetric> byTopic = metrics.stream().collect(Collectors.toMap(ModelMetric::getTopic, m -> m));
    for (Map<String, Object> tm : topicMeta) {
      ModelMetric m = byTopic.get((String) tm.get("id"));
      if (m != null) {
        tm.put("metrics", Map.of("precision", m.getPrecision(), "recall", m.getRecall(), "f1", m.getF1(),
            "roc_auc", m.getRocAuc(), "pr_auc", m.getPrAuc(), "support", m.getSupport(),
            "held_out", m.getHeldOut(), "rule_positives", m.getRulePositives(),
            "model_positives", m.getModelPositives(), "beyond_rules", m.getBeyondRules()));
      }
    }
    meta.put("topics", topicMeta);
    DataPaths.writeText(spark, modelDir + "/" + TopicModel.METADATA, TopicModel.metadataJson(meta));
    long written = TableIO.write(spark.createDataset(metrics, ModelMetric.ENCODER).coalesce(1), o.output(),
        ModelMetric.SPEC, TableIO.Mode.APPEND, o.runId());
    record.getRowsWritten().put(Tables.MODEL_METRICS, written);
    return new Result(version, modelDir, articleCount, metrics, untrained);
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

  /**
   * Adds per topic the seed rules' weak label ({@code tl_rule_i}: 1, 0, or -1 left out) and the training label
   * ({@code tl_label_i}: a gold label where there is one, else the weak label), and the held-out flag.
   */
  static Dataset<Row> labelled(Dataset<Article> articles, List<TopicSpec> topics, Map<String, Integer> gold,
      double heldOutFraction) {
    // One pass of the rules per article (the text normalised and split once) gives, for every topic, the weak label
    // and whether the model may label the article.
    TopicSpec[] specs = topics.toArray(TopicSpec[]::new);
    UDF2<String, String, int[]> rule = (headline, body) -> {
      SeedRules.Text text = SeedRules.Text.of(headline, body);
      int[] out = new int[2 * specs.length];
      for (int i = 0; i < specs.length; i++) {
        SeedRules.Score s = SeedRules.score(specs[i], text);
        out[2 * i] = SeedRules.weakLabel(specs[i], s);
        out[2 * i + 1] = SeedRules.mayLabel(specs[i], s) ? 1 : 0;
      }
      return out;
    };
    String rules = "tl_rules";
    Dataset<Row> df = articles.toDF().withColumn(rules, udf(rule, DataTypes.createArrayType(DataTypes.IntegerType,
        false)).apply(concat_ws(" ", col("kicker"), col("title"), col("subtitle")), col("body")));
    for (int i = 0; i < topics.size(); i++) {
      df = df.withColumn(ruleCol(i), col(rules).getItem(2 * i))
          .withColumn(gateCol(i), col(rules).getItem(2 * i + 1).equalTo(1));
      String topicId = topics.get(i).id();
      UDF3<String, String, Integer, Integer> label = (articleId, sourceId, weak) -> {
        Integer g = gold.get(articleId + "\t" + topicId);
        if (g == null) {
          g = gold.get(sourceId + "\t" + topicId);
        }
        return g != null ? g : weak;
      };
      df = df.withColumn(labelCol(i), gold.isEmpty() ? col(ruleCol(i))
          : udf(label, DataTypes.IntegerType).apply(col("articleId"), col("sourceId"), col(ruleCol(i))));
    }
    int cut = (int) Math.round(heldOutFraction * 1000);
    return df.drop(rules).withColumn("tl_held_out", pmod(xxhash64(col("articleId")), lit(1000)).lt(cut));
  }

  private static Map<String, Integer> gold(SparkSession spark, Options o, List<TopicSpec> topics) {
    Map<String, Integer> gold = new HashMap<>();
    if (o.goldLabels() == null) {
      return gold;
    }
    LinkedHashSet<String> ids = topics.stream().map(TopicSpec::id).collect(Collectors.toCollection(LinkedHashSet::new));
    for (GoldLabels.Label l : GoldLabels.read(spark, o.goldLabels(), ids)) {
      gold.put(l.key() + "\t" + l.topic(), l.label());
    }
    return gold;
  }

  private static int lastTokenizer(PipelineStage[] stages) {
    for (int i = stages.length - 1; i >= 0; i--) {
      if (stages[i] instanceof HanLPTokenizer) {
        return i;
      }
    }
    throw new IllegalStateException("the feature pipeline has no tokenizer");
  }

  /** Index into {@link #heldOutHistograms}: the confident weak labels only. */
  static final int CONFIDENT = 0;
  /** Index into {@link #heldOutHistograms}: every held-out article, ambiguous ones counted as negatives. */
  static final int ALL = 1;

  /** Per topic, the training split's negatives and positives ({@code [topic][label]}), in one pass. */
  private static long[][] classCounts(Dataset<Row> featurised, int topics) {
    long[] c = featurised.filter(col("tl_held_out").equalTo(false)).javaRDD().map(r -> {
      long[] k = new long[2 * topics];
      for (int i = 0; i < topics; i++) {
        int label = r.<Integer>getAs(labelCol(i));
        if (label >= 0) {
          k[2 * i + label]++;
        }
      }
      return k;
    }).reduce(TrainJob::sum);
    long[][] out = new long[topics][2];
    for (int i = 0; i < topics; i++) {
      out[i][0] = c[2 * i];
      out[i][1] = c[2 * i + 1];
    }
    return out;
  }

  /**
   * Per fitted topic, histograms of the held-out probabilities as scoring gives them (0 where the rules do not let
   * the model label the article): {@code [topic][CONFIDENT]} over the confident weak labels, {@code [topic][ALL]}
   * over every held-out article. Only the fixed-size histograms reach the driver, whatever the corpus size.
   */
  private static BinaryMetrics.Histogram[][] heldOutHistograms(Dataset<Row> featurised,
      LogisticRegressionModel[] fitted) {
    int n = fitted.length;
    double[][] coef = new double[n][];
    double[] intercept = new double[n];
    for (int i = 0; i < n; i++) {
      if (fitted[i] != null) {
        coef[i] = fitted[i].coefficients().toArray();
        intercept[i] = fitted[i].intercept();
      }
    }
    return featurised.filter(col("tl_held_out").equalTo(true)).javaRDD().mapPartitions(rows -> {
      BinaryMetrics.Histogram[][] h = new BinaryMetrics.Histogram[n][2];
      for (int i = 0; i < n; i++) {
        h[i][CONFIDENT] = new BinaryMetrics.Histogram();
        h[i][ALL] = new BinaryMetrics.Histogram();
      }
      while (rows.hasNext()) {
        Row r = rows.next();
        Vector x = r.getAs(TopicFeatures.FEATURES);
        for (int i = 0; i < n; i++) {
          if (coef[i] == null) {
            continue;
          }
          // Scoring labels only articles the rules let through, so the threshold is chosen on the same footing.
          double p = r.<Boolean>getAs(gateCol(i)) ? TopicModel.Scorer.probability(coef[i], intercept[i], x) : 0;
          int label = r.<Integer>getAs(labelCol(i));
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

  private static long[] sum(long[] a, long[] b) {
    long[] c = new long[a.length];
    for (int k = 0; k < a.length; k++) {
      c[k] = a[k] + b[k];
    }
    return c;
  }

  private static void countBeyondRules(Dataset<Row> featurised, TopicModel.Scorer scorer, List<TopicSpec> topics,
      List<ModelMetric> metrics) {
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
    long[] counts = featurised.javaRDD().map(r -> {
      long[] c = new long[3 * n];
      Vector x = r.getAs(TopicFeatures.FEATURES);
      for (int m = 0; m < n; m++) {
        boolean rule = r.<Integer>getAs(ruleCol(ruleIndex[m])) == SeedRules.POSITIVE;
        boolean model = r.<Boolean>getAs(gateCol(ruleIndex[m])) && scorer.probability(m, x) >= scorer.threshold()[m];
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
