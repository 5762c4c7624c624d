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
        + "headline_topic,against_share,gate,title";

    String csv() {
      return String.join(",", topic, sourceId, gold ? "1" : "0", RULE_NAMES.get(rule),
          Double.isNaN(probability) ? "" : String.format("%.4f", probability), label ? "1" : "0",
          String.format("%.3f", measures.share()), Integer.toString(measures.mentions()),
          measures.headlineTerm() ? "1" : "0", measures.headlineTopic() ? "1" : "0",
          String.format("%.3f", measures.againstShare()), gate ? "1" : "0",
          "\"" + (title == null ? "" : title.replace("\"", "\"\"")) + "\"");
    }
  }

  /**
   * Scores of one topic over the {@code labelled} items that label it. F1 of a topic with labelled items but no
   * positives and no predictions counts as 1 (nothing to find, nothing found); a topic no item labels has nothing
   * measured (NaN scores) and is left out of the macro-F1s.
   */
  public record TopicEval(String topic, long labelled, long support, long predicted, double precision, double recall,
      double f1, double rulePrecision, double ruleRecall, double ruleF1) {}

  public record Result(String version, int items, List<TopicEval> topics, double macroF1, double ruleMacroF1,
      double macroF1WithSupport, List<Prediction> misses) implements JobResult {
    @Override
    public String summary() {
      StringBuilder b = new StringBuilder(String.format("eval-topics: model %s on %d labelled items%n", version,
          items));
      b.append(String.format("%-20s %7s %9s %9s %9s %9s | %10s %10s %8s%n", "topic", "support", "predicted",
          "precision", "recall", "f1", "rules_prec", "rules_rec", "rules_f1"));
      for (TopicEval t : topics) {
        if (t.labelled() == 0) {
          b.append(String.format("%-20s no labelled items: left out of macro-F1%n", t.topic()));
          continue;
        }
        b.append(String.format("%-20s %7d %9d %9.3f %9.3f %9.3f | %10.3f %10.3f %8.3f%n", t.topic(), t.support(),
            t.predicted(), t.precision(), t.recall(), t.f1(), t.rulePrecision(), t.ruleRecall(), t.ruleF1()));
      }
      b.append(String.format("macro-F1 %.3f (rules alone %.3f); over topics with positives only %.3f%n", macroF1,
          ruleMacroF1, macroF1WithSupport));
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
    List<TopicEval> evals = new ArrayList<>();
    double macro = 0, ruleMacro = 0, withSupport = 0;
    int measured = 0, supported = 0;
    for (TopicSpec t : o.topics()) {
      long[] m = new long[3];
      long[] r = new long[3];
      long labelled = 0;
      for (int i = 0; i < items.size(); i++) {
        Integer gold = items.get(i).labels().get(t.id());
        if (gold == null) {
          continue;
        }
        labelled++;
        Article a = articles.get(i);
        TopicScore score = predicted.get(a.getArticleId() + "\t" + t.id());
        boolean p = score != null && score.getLabel();
        String headline = String.join(" ", nonNull(a.getKicker()), nonNull(a.getTitle()), nonNull(a.getSubtitle()));
        SeedRules.Score measures = SeedRules.score(t, headline, a.getBody());
        int weak = SeedRules.weakLabel(t, measures);
        boolean rule = weak == SeedRules.POSITIVE;
        count(m, p, gold == 1);
        count(r, rule, gold == 1);
        all.add(new Prediction(t.id(), gold == 1, weak, measures, SeedRules.mayLabel(t, measures), score == null ? Double.NaN : score.getProbability(), p,
            a.getSourceId(), a.getTitle()));
      }
      double[] pm = prf(labelled, m);
      double[] rm = prf(labelled, r);
      evals.add(new TopicEval(t.id(), labelled, m[0] + m[2], m[0] + m[1], pm[0], pm[1], pm[2], rm[0], rm[1],
          rm[2]));
      if (labelled == 0) {
        continue;
      }
      macro += pm[2];
      ruleMacro += rm[2];
      measured++;
      if (m[0] + m[2] > 0) {
        withSupport += pm[2];
        supported++;
      }
    }
    if (o.predictionsCsv() != null) {
      writeCsv(o.predictionsCsv(), all);
    }
    List<Prediction> misses = o.errors() ? all.stream().filter(x -> x.label() != x.gold()).toList() : List.of();
    return new Result(version, items.size(), evals, measured == 0 ? Double.NaN : macro / measured,
        measured == 0 ? Double.NaN : ruleMacro / measured, supported == 0 ? Double.NaN : withSupport / supported,
        misses);
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
