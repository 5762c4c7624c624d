package org.topicline.topics;

import org.topicline.io.WeightedTerm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topicline.ingest.Article;
import org.topicline.io.DataPaths;
import org.topicline.text.HanLPTokenizer;

/**
 * A trained model version, {@code models/<version>/}: one {@code PipelineModel} per topic under
 * {@code topics/<id>/} (the shared feature stages, then the topic's logistic regression) and {@code metadata.json}
 * (thresholds, conf and dictionary hashes, training window, counts, metrics).
 */
public final class TopicModel {
  public static final String METADATA = "metadata.json";
  public static final String TOPICS_DIR = "topics";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One topic of the model. {@code rules} are the seed rules it was trained with: they gate its labels (null in
   * models trained before rules were stored: no gate).
   */
  public record Topic(String id, String displayName, PipelineModel pipeline, double threshold, TopicSpec rules) {}

  private final String version;
  private final List<Topic> topics;
  private final JsonNode metadata;

  TopicModel(String version, List<Topic> topics, JsonNode metadata) {
    this.version = version;
    this.topics = topics;
    this.metadata = metadata;
  }

  public String version() {
    return version;
  }

  public List<Topic> topics() {
    return topics;
  }

  public String dictionaryHash() {
    return metadata.path("dictionary_hash").asText();
  }

  public static String versionDir(String modelsDir, String version) {
    return modelsDir.endsWith("/") ? modelsDir + version : modelsDir + "/" + version;
  }

  /** The newest version under {@code modelsDir} (versions sort by time); throws when there is none. */
  public static String latestVersion(SparkSession spark, String modelsDir) {
    FileSystem fs = DataPaths.fileSystem(spark, modelsDir);
    try {
      Path dir = new Path(modelsDir);
      if (!fs.exists(dir)) {
        throw new IllegalArgumentException("no models in " + modelsDir + ": run topicline train first");
      }
      String latest = null;
      for (FileStatus st : fs.listStatus(dir)) {
        if (st.isDirectory() && fs.exists(new Path(st.getPath(), METADATA))) {
          String name = st.getPath().getName();
          latest = latest == null || name.compareTo(latest) > 0 ? name : latest;
        }
      }
      if (latest == null) {
        throw new IllegalArgumentException("no models in " + modelsDir + ": run topicline train first");
      }
      return latest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + modelsDir, e);
    }
  }

  public static TopicModel load(SparkSession spark, String modelsDir, String version) {
    String dir = versionDir(modelsDir, version);
    JsonNode meta;
    try {
      meta = JSON.readTree(DataPaths.readText(spark, dir + "/" + METADATA));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + "/" + METADATA, e);
    }
    List<Topic> topics = new ArrayList<>();
    for (JsonNode t : meta.path("topics")) {
      if (!t.path("trained").asBoolean()) {
        continue;
      }
      String id = t.path("id").asText();
      PipelineModel p = PipelineModel.load(dir + "/" + TOPICS_DIR + "/" + id);
      vectorizer(version, p);
      double threshold = t.path("threshold").asDouble();
      TopicSpec rules = t.has("rules")
          ? TopicSpec.fromJson(id, t.path("display_name").asText(), t.path("rules"), threshold) : null;
      topics.add(new Topic(id, t.path("display_name").asText(), p, threshold, rules));
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("model " + dir + " has no trained topics");
    }
    return new TopicModel(version, topics, meta);
  }

  /**
   * The pipeline's {@code TopicVectorizer} stage, whose vocabulary names the evidence terms. Models trained before
   * that stage existed vectorise with CountVectorizer stages, whose feature indices it cannot name (evidence failed
   * on them with an index out of bounds), so they are refused rather than scored without evidence.
   */
  private static TopicVectorizerModel vectorizer(String version, PipelineModel pipeline) {
    for (Transformer t : pipeline.stages()) {
      if (t instanceof TopicVectorizerModel v) {
        return v;
      }
    }
    throw new IllegalArgumentException("model " + version + " (topic pipeline " + pipeline.uid() + ") has no "
        + "TopicVectorizer stage: it was trained before that stage existed and cannot be scored; retrain it with "
        + "topicline train");
  }

  /** The analyzer-bearing feature stages, shared by every topic's pipeline. */
  PipelineModel features() {
    Transformer[] stages = topics.get(0).pipeline().stages();
    return new PipelineModel("tl_features", Arrays.copyOf(stages, stages.length - 1));
  }

  /** The analyzer the model was trained with (its dictionary hash is compared with the conf's). */
  public HanLPTokenizer tokenizer() {
    for (Transformer t : topics.get(0).pipeline().stages()) {
      if (t instanceof HanLPTokenizer h) {
        return h;
      }
    }
    throw new IllegalStateException("model " + version + " has no tokenizer stage");
  }

  /**
   * Scores {@code articles} (typed articles, maybe with stored token columns: {@link TopicFeatures#withStoredTokens})
   * for every topic: the features are computed once, then each topic's logistic
   * regression gives the probability and the evidence (the largest positive TF-IDF weight x coefficient terms).
   */
  public Dataset<TopicScore> score(Dataset<?> articles, int evidenceTerms) {
    PipelineModel features = features();
    Dataset<Row> featurised = features.transform(articles.toDF())
        .select("articleId", "sourceId", "source", "pubDate", "year", "month", TopicFeatures.HEADLINE, "body",
            TopicFeatures.FEATURES);
    Scorer scorer = scorer(evidenceTerms);
    Broadcast<Scorer> b = articles.sparkSession().sparkContext()
        .broadcast(scorer, scala.reflect.ClassTag$.MODULE$.apply(Scorer.class));
    return featurised.mapPartitions(new ScorePartition(b), TopicScore.ENCODER);
  }

  Scorer scorer(int evidenceTerms) {
    TfIdfBlocks blocks = vectorizer(version, topics.get(0).pipeline()).blocks();
    String[] terms = new String[blocks.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = blocks.term(i, TopicFeatures.TITLE_PREFIX);
    }
    int n = topics.size();
    String[] ids = new String[n];
    double[][] coef = new double[n][];
    double[] intercept = new double[n];
    double[] threshold = new double[n];
    TopicSpec[] rules = new TopicSpec[n];
    for (int i = 0; i < n; i++) {
      Topic t = topics.get(i);
      Transformer[] stages = t.pipeline().stages();
      LogisticRegressionModel lr = (LogisticRegressionModel) stages[stages.length - 1];
      ids[i] = t.id();
      coef[i] = lr.coefficients().toArray();
      intercept[i] = lr.intercept();
      threshold[i] = t.threshold();
      rules[i] = t.rules();
    }
    return new Scorer(version, ids, coef, intercept, threshold, rules, terms, evidenceTerms);
  }

  /** Plain arrays for executors: topic ids, coefficients, thresholds, rules and the term of every feature index. */
  record Scorer(String version, String[] ids, double[][] coef, double[] intercept, double[] threshold,
      TopicSpec[] rules, String[] terms, int evidenceTerms) implements Serializable {

    /** The rules' reading of the article; null for a model trained before rules were stored. */
    SeedRules.Reading reading(int topic, SeedRules.Text text) {
      TopicSpec r = rules[topic];
      return r == null ? null : SeedRules.reading(r, SeedRules.score(r, text));
    }

    /** The label: the probability reaches the threshold and the rules see more than a passing mention. */
    boolean label(int topic, double probability, SeedRules.Reading reading) {
      return probability >= threshold[topic] && (reading == null || reading.mayLabel());
    }

    /** The logistic regression's probability ({@link TopicInstance#probability} is the same for training). */
    double probability(int topic, SparseVector x) {
      return 1.0 / (1.0 + Math.exp(-(dot(coef[topic], x) + intercept[topic])));
    }

    List<WeightedTerm> evidence(int topic, SparseVector v) {
      PriorityQueue<double[]> top = new PriorityQueue<>((a, b) -> Double.compare(a[1], b[1]));
      int[] idx = v.indices();
      double[] val = v.values();
      for (int k = 0; k < idx.length; k++) {
        double w = val[k] * coef[topic][idx[k]];
        if (w > 0) {
          top.add(new double[] {idx[k], w});
          if (top.size() > evidenceTerms) {
            top.poll();
          }
        }
      }
      List<WeightedTerm> out = new ArrayList<>();
      while (!top.isEmpty()) {
        double[] e = top.poll();
        out.add(0, new WeightedTerm(terms[(int) e[0]], e[1]));
      }
      return out;
    }

    private static double dot(double[] c, SparseVector v) {
      double s = 0;
      int[] idx = v.indices();
      double[] val = v.values();
      for (int k = 0; k < idx.length; k++) {
        s += c[idx[k]] * val[k];
      }
      return s;
    }
  }

  /** Featurised rows to one {@link TopicScore} per topic. */
  private static final class ScorePartition implements MapPartitionsFunction<Row, TopicScore> {
    private final Broadcast<Scorer> scorer;

    ScorePartition(Broadcast<Scorer> scorer) {
      this.scorer = scorer;
    }

    /** One article's scores at a time: a partition's scores are never all in memory. */
    @Override
    public Iterator<TopicScore> call(Iterator<Row> rows) {
      Scorer s = scorer.value();
      return new Iterator<>() {
        private Iterator<TopicScore> current = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && rows.hasNext()) {
            current = scores(s, rows.next()).iterator();
          }
          return current.hasNext();
        }

        @Override
        public TopicScore next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return current.next();
        }
      };
    }

    private static List<TopicScore> scores(Scorer s, Row r) {
      // Sparse once per article, not once per topic and use.
      SparseVector x = ((Vector) r.getAs(TopicFeatures.FEATURES)).toSparse();
      String articleId = r.getAs("articleId");
      String sourceId = r.getAs("sourceId");
      String source = r.getAs("source");
      java.time.LocalDate pubDate = localDate(r.getAs("pubDate"));
      Integer year = r.getAs("year");
      Integer month = r.getAs("month");
      String headline = r.getAs(TopicFeatures.HEADLINE);
      String body = r.getAs("body");
      // Normalised and split into sentences once for all topics.
      SeedRules.Text text = SeedRules.Text.of(headline, body);
      List<TopicScore> out = new ArrayList<>(s.ids().length);
      for (int t = 0; t < s.ids().length; t++) {
        TopicScore ts = new TopicScore();
        ts.setArticleId(articleId);
        ts.setSourceId(sourceId);
        ts.setSource(source);
        ts.setPubDate(pubDate);
        ts.setYear(year);
        ts.setMonth(month);
        ts.setTopic(s.ids()[t]);
        double p = s.probability(t, x);
        ts.setProbability(p);
        SeedRules.Reading reading = s.reading(t, text);
        ts.setRules(reading == null ? null : reading.column());
        ts.setLabel(s.label(t, p, reading));
        ts.setModelVersion(s.version());
        ts.setEvidence(s.evidence(t, x));
        out.add(ts);
      }
      return out;
    }
  }

  /** Dates come back as {@code java.sql.Date} unless the session uses the Java 8 time API. */
  static java.time.LocalDate localDate(Object d) {
    return d instanceof java.sql.Date sql ? sql.toLocalDate() : (java.time.LocalDate) d;
  }

  /** Metadata as written by training: a JSON object. */
  static String metadataJson(Map<String, Object> meta) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> map() {
    return new LinkedHashMap<>();
  }
}
