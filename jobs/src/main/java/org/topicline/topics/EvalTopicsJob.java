package org.topicline.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.topicline.ingest.Article;
import org.topicline.io.JobResult;

/**
 * {@code topicline eval-topics}: the model's per-topic precision, recall and F1 (and macro-F1) on hand-labelled
 * items, next to what the seed rules alone reach. The items are read from the files the labels name, so no ingest
 * run is needed.
 */
public final class EvalTopicsJob {
  public static final String COMMAND = "eval-topics";

  /**
   * {@code errors}: also list every item the model gets wrong (for reviewing the rules and the rubric);
   * {@code predictionsCsv}: a local file to write every item's hand label, weak label and probability to, or null.
   */
  public record Options(String labels, String dataRoot, String modelsDir, String version, List<TopicSpec> topics,
      boolean errors, java.nio.file.Path predictionsCsv) {}

  /** One item and topic: the hand label, the rules' weak label, the model's probability and label. */
  public record Prediction(String topic, boolean gold, int rule, SeedRules.Score measures, boolean gate,
      double probability,
      boolean label, String sourceId, String title) {
    static final String CSV_HEADER = "topic,source_id,gold,rules,probability,label,share,mentions,headline_term,"
        + "headline_topic,subject_stated,against_share,gate,title";

    String csv() {
      return String.join(",", topic, sourceId, gold ? "1" : "0", RULE_NAMES.get(rule),
          Double.isNaN(probability) ? "" : String.format("%.4f", probability), label ? "1" : "0",
          String.format("%.3f", measures.share()), Integer.toString(measures.mentions()),
          measures.headlineTerm() ? "1" : "0", measures.headlineTopic() ? "1" : "0",
          measures.subjectStated() ? "1" : "0", String.format("%.3f", measures.againstShare()), gate ? "1" : "0",
          "\"" + (title == null ? "" : title.replace("\"", "\"\"")) + "\"");
    }
  }

  /**
   * Scores of one topic over the {@code labelled} items that label it. F1 of a topic with labelled items but no
   * positives and no predictions counts as 1 (nothing to find, nothing found); a topic no item labels has nothing
   * measured (NaN scores) and is left out of the macro-F1s.
   */
  public record TopicEval(String topic, long labelled, long support, long predicted, double precision, double recall,
      double f1, double rulePrecision, double ruleRecall, double ruleF1, Interval f1Interval) {}

  /** A 95 % bootstrap interval: the 2.5th and 97.5th percentiles of a figure over resamples of the items. */
  public record Interval(double low, double high) {
    @Override
    public String toString() {
      return String.format("%.3f-%.3f", low, high);
    }
  }

  /**
   * One item's labels for one topic: by hand, by the model and by the rules alone. A labelled set is a list of
   * items, each an array by topic, null where the item does not label the topic.
   */
  public record Outcome(boolean gold, boolean model, boolean rule) {}

  /**
   * How sure the figures are: the macro-F1 and the model's gain over the rules alone (model minus rules, paired: the
   * same resampled items for both), each over {@link #BOOTSTRAP_ROUNDS} resamples of the items.
   */
  public record Uncertainty(Interval macroF1, Interval gainOverRules) {}

  public record Result(String version, int items, List<TopicEval> topics, double macroF1, double ruleMacroF1,
      double macroF1WithSupport, Uncertainty uncertainty, List<Prediction> misses) implements JobResult {
    @Override
    public String summary() {
      StringBuilder b = new StringBuilder(String.format("eval-topics: model %s on %d labelled items%n", version,
          items));
      b.append(String.format("%-20s %7s %9s %9s %9s %9s %11s | %10s %10s %8s%n", "topic", "support", "predicted",
          "precision", "recall", "f1", "f1_95%", "rules_prec", "rules_rec", "rules_f1"));
      for (TopicEval t : topics) {
        if (t.labelled() == 0) {
          b.append(String.format("%-20s no labelled items: left out of macro-F1%n", t.topic()));
          continue;
        }
        b.append(String.format("%-20s %7d %9d %9.3f %9.3f %9.3f %11s | %10.3f %10.3f %8.3f%n", t.topic(),
            t.support(), t.predicted(), t.precision(), t.recall(), t.f1(), t.f1Interval(), t.rulePrecision(),
            t.ruleRecall(), t.ruleF1()));
      }
      // Four places: a target is a line, and 0.8998 must not print as 0.900.
      b.append(String.format("macro-F1 %.4f (rules alone %.4f); over topics with positives only %.4f%n", macroF1,
          ruleMacroF1, macroF1WithSupport));
      if (uncertainty.macroF1() != null) {
        Interval gain = uncertainty.gainOverRules();
        b.append(String.format("95%% bootstrap intervals (%d resamples of the %d items): macro-F1 %s; model minus "
            + "rules %+.3f, %+.3f to %+.3f%n", BOOTSTRAP_ROUNDS, items, uncertainty.macroF1(), macroF1 - ruleMacroF1,
            gain.low(), gain.high()));
      }
      if (!misses.isEmpty()) {
        b.append(String.format("%nmisclassified items (fn: labelled by hand, missed; fp: labelled by the model only)%n"));
        for (Prediction m : misses) {
          b.append(String.format("%-20s %s rules=%-9s p=%.3f %s %s%n", m.topic(), m.gold() ? "fn" : "fp",
              RULE_NAMES.get(m.rule()), m.probability(), m.sourceId(), m.title()));
        }
      }
      return b.toString();
    }
  }

  private static final Map<Integer, String> RULE_NAMES = Map.of(SeedRules.POSITIVE, "positive",
      SeedRules.NEGATIVE, "negative", SeedRules.AMBIGUOUS, "ambiguous");

  private EvalTopicsJob() {}

  public static Result run(SparkSession spark, Options o) {
    String version = o.version() != null ? o.version() : TopicModel.latestVersion(spark, o.modelsDir());
    TopicModel model = TopicModel.load(spark, o.modelsDir(), version);
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    o.topics().forEach(t -> ids.add(t.id()));
    List<GoldLabels.Item> items = GoldLabels.items(spark, o.labels(), ids);
    List<Article> articles = GoldLabels.articles(spark, o.dataRoot(), items);
    Map<String, TopicScore> predicted = new HashMap<>();
    for (TopicScore s : model.score(spark.createDataset(articles, Article.ENCODER), 0).collectAsList()) {
      predicted.put(s.getArticleId() + "\t" + s.getTopic(), s);
    }
    List<Prediction> all = new ArrayList<>();
    List<TopicSpec> topics = o.topics();
    Outcome[][] outcomes = new Outcome[items.size()][topics.size()];
    for (int ti = 0; ti < topics.size(); ti++) {
      TopicSpec t = topics.get(ti);
      for (int i = 0; i < items.size(); i++) {
        Integer gold = items.get(i).labels().get(t.id());
        if (gold == null) {
          continue;
        }
        Article a = articles.get(i);
        TopicScore score = predicted.get(a.getArticleId() + "\t" + t.id());
        boolean p = score != null && score.getLabel();
        String headline = String.join(" ", nonNull(a.getKicker()), nonNull(a.getTitle()), nonNull(a.getSubtitle()));
        SeedRules.Score measures = SeedRules.score(t, headline, a.getBody());
        int weak = SeedRules.weakLabel(t, measures);
        outcomes[i][ti] = new Outcome(gold == 1, p, weak == SeedRules.POSITIVE);
        all.add(new Prediction(t.id(), gold == 1, weak, measures, SeedRules.mayLabel(t, measures),
            score == null ? Double.NaN : score.getProbability(), p, a.getSourceId(), a.getTitle()));
      }
    }
    List<Outcome[]> rows = List.of(outcomes);
    int[] everyItem = java.util.stream.IntStream.range(0, rows.size()).toArray();
    Scores point = scores(rows, topics.size(), everyItem);
    Interval[] f1Intervals = new Interval[topics.size()];
    Uncertainty uncertainty = bootstrap(rows, topics.size(), BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED, f1Intervals);
    List<TopicEval> evals = new ArrayList<>();
    for (int ti = 0; ti < topics.size(); ti++) {
      long[] m = point.model()[ti];
      double[] pm = prf(point.labelled()[ti], m);
      double[] rm = prf(point.labelled()[ti], point.rules()[ti]);
      evals.add(new TopicEval(topics.get(ti).id(), point.labelled()[ti], m[0] + m[2], m[0] + m[1], pm[0], pm[1],
          pm[2], rm[0], rm[1], rm[2], f1Intervals[ti]));
    }
    if (o.predictionsCsv() != null) {
      writeCsv(o.predictionsCsv(), all);
    }
    List<Prediction> misses = o.errors() ? all.stream().filter(x -> x.label() != x.gold()).toList() : List.of();
    return new Result(version, items.size(), evals, point.macroF1(), point.ruleMacroF1(), point.macroF1WithSupport(),
        uncertainty, misses);
  }

  static final int BOOTSTRAP_ROUNDS = 1000;
  /** Fixed, so the same labels and model print the same intervals. */
  static final long BOOTSTRAP_SEED = 20261206L;

  /**
   * Counts and macro-F1s of one sample of the items ({@code sample}: item indices, repeats allowed): per topic the
   * items labelling it and the model's and the rules' tp, fp, fn.
   */
  record Scores(long[] labelled, long[][] model, long[][] rules, double macroF1, double ruleMacroF1,
      double macroF1WithSupport) {}

  static Scores scores(List<Outcome[]> rows, int topics, int[] sample) {
    long[] labelled = new long[topics];
    long[][] model = new long[topics][3];
    long[][] rules = new long[topics][3];
    for (int i : sample) {
      Outcome[] row = rows.get(i);
      for (int t = 0; t < topics; t++) {
        if (row[t] != null) {
          labelled[t]++;
          count(model[t], row[t].model(), row[t].gold());
          count(rules[t], row[t].rule(), row[t].gold());
        }
      }
    }
    double macro = 0, ruleMacro = 0, withSupport = 0;
    int measured = 0, supported = 0;
    for (int t = 0; t < topics; t++) {
      if (labelled[t] == 0) {
        continue;
      }
      double f1 = prf(labelled[t], model[t])[2];
      macro += f1;
      ruleMacro += prf(labelled[t], rules[t])[2];
      measured++;
      if (model[t][0] + model[t][2] > 0) {
        withSupport += f1;
        supported++;
      }
    }
    return new Scores(labelled, model, rules, measured == 0 ? Double.NaN : macro / measured,
        measured == 0 ? Double.NaN : ruleMacro / measured, supported == 0 ? Double.NaN : withSupport / supported);
  }

  /**
   * Percentile bootstrap over the items (an item keeps all its topics, as the macro-F1 counts them): the macro-F1,
   * the model's gain over the rules on the same resample, and into {@code f1Intervals} each topic's F1 (null for a
   * topic no item labels; all null when there are no items).
   */
  static Uncertainty bootstrap(List<Outcome[]> rows, int topics, int rounds, long seed, Interval[] f1Intervals) {
    if (rows.isEmpty()) {
      return new Uncertainty(null, null);
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    double[] macro = new double[rounds];
    double[] gain = new double[rounds];
    double[][] f1 = new double[topics][rounds];
    int[] sample = new int[rows.size()];
    for (int b = 0; b < rounds; b++) {
      for (int i = 0; i < sample.length; i++) {
        sample[i] = random.nextInt(rows.size());
      }
      Scores s = scores(rows, topics, sample);
      macro[b] = s.macroF1();
      gain[b] = s.macroF1() - s.ruleMacroF1();
      for (int t = 0; t < topics; t++) {
        f1[t][b] = prf(s.labelled()[t], s.model()[t])[2];
      }
    }
    for (int t = 0; t < topics; t++) {
      f1Intervals[t] = interval(f1[t]);
    }
    return new Uncertainty(interval(macro), interval(gain));
  }

  /** The 2.5th and 97.5th percentiles of the values that are numbers; null when none is. */
  static Interval interval(double[] values) {
    double[] v = java.util.Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return null;
    }
    return new Interval(v[(int) Math.floor(0.025 * (v.length - 1))], v[(int) Math.ceil(0.975 * (v.length - 1))]);
  }

  private static void writeCsv(java.nio.file.Path file, List<Prediction> rows) {
    List<String> lines = new ArrayList<>(rows.size() + 1);
    lines.add(Prediction.CSV_HEADER);
    rows.forEach(r -> lines.add(r.csv()));
    try {
      java.nio.file.Files.write(file, lines, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** tp, fp, fn. */
  private static void count(long[] c, boolean predicted, boolean gold) {
    c[0] += predicted && gold ? 1 : 0;
    c[1] += predicted && !gold ? 1 : 0;
    c[2] += !predicted && gold ? 1 : 0;
  }

  /** Precision, recall and F1 of tp, fp, fn counted over {@code labelled} items. */
  private static double[] prf(long labelled, long[] c) {
    if (labelled == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    if (c[0] + c[1] + c[2] == 0) {
      return new double[] {1, 1, 1};
    }
    double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new double[] {p, r, f};
  }
}
