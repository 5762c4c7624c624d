package org.topicline.topics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;
import org.topicline.text.TextAnalyzer;

/**
 * {@code topicline.topics.<id>} (each topic over {@code topicline.topic-defaults}) and {@code topicline.train}.
 * Every bad value names its full key.
 */
public record TopicSettings(List<TopicSpec> topics, TrainSettings train) {
  public static final String TOPICS = "topics";
  public static final String DEFAULTS = "topic-defaults";

  /** {@code topicline.train}: held-out split, features, regularisation. */
  public record TrainSettings(double heldOutFraction, int vocabSize, int minDocFreq, boolean bigrams,
      double regParam, int maxIter, double tol, int evidenceTerms, double thresholdBeta, int thresholdFolds,
      double mentioningNegativeShare)
      implements java.io.Serializable {}

  public static TopicSettings from(TopiclineConf conf) {
    Config all = conf.getConfig(TOPICS);
    Config defaults = conf.getConfig(DEFAULTS);
    List<TopicSpec> topics = new ArrayList<>();
    for (String id : all.root().keySet().stream().sorted().toList()) {
      String key = TOPICS + "." + id;
      if (!id.matches("[a-z][a-z0-9_]*")) {
        throw new ConfException(TopiclineConf.fullKey(key), "a topic id must be lower case letters, digits and _");
      }
      if (all.root().get(id).valueType() != ConfigValueType.OBJECT) {
        throw new ConfException(TopiclineConf.fullKey(key), "must be an object" + conf.where(key));
      }
      topics.add(topic(conf, key, id, all.getConfig(quote(id)).withFallback(defaults)));
    }
    if (topics.isEmpty()) {
      throw new ConfException(TopiclineConf.fullKey(TOPICS), "no topics are configured");
    }
    TrainSettings train = new TrainSettings(
        conf.getDouble("train.held-out-fraction", 0.05, 0.5),
        conf.getInt("train.vocab-size", 100, 10_000_000),
        conf.getInt("train.min-doc-freq", 1, 1_000_000),
        conf.getBoolean("train.bigrams"),
        conf.getDouble("train.reg-param", 0, 100),
        conf.getInt("train.max-iter", 1, 10_000),
        conf.getDouble("train.tol", 0, 1),
        conf.getInt("train.evidence-terms", 0, 100),
        conf.getDouble("train.threshold-f-beta", 0.1, 10),
        conf.getInt("train.threshold-folds", 1, 20),
        conf.getDouble("train.mentioning-negative-share", 0, 1));
    return new TopicSettings(topics, train);
  }

  private static String quote(String id) {
    return "\"" + id + "\"";
  }

  private static TopicSpec topic(TopiclineConf conf, String key, String id, Config c) {
    String displayName = get(conf, key, "display-name", () -> c.getString("display-name"));
    List<String> terms = terms(conf, key, "terms", c);
    List<TopicSpec.CuePair> pairs = new ArrayList<>();
    if (c.hasPath("cue-pairs")) {
      List<? extends Config> list = get(conf, key, "cue-pairs", () -> c.getConfigList("cue-pairs"));
      for (int i = 0; i < list.size(); i++) {
        Config p = list.get(i);
        String pairKey = key + ".cue-pairs." + i;
        List<String> first = terms(conf, pairKey, "first", p);
        List<String> second = terms(conf, pairKey, "second", p);
        if (first.isEmpty() || second.isEmpty()) {
          throw new ConfException(TopiclineConf.fullKey(pairKey), "a cue pair needs terms in first and second");
        }
        pairs.add(new TopicSpec.CuePair(first, second));
      }
    }
    if (terms.isEmpty() && pairs.isEmpty()) {
      throw new ConfException(TopiclineConf.fullKey(key + ".terms"),
          "topic " + id + " has no seed rules: give at least one term (or a cue pair)" + conf.where(key));
    }
    List<String> headlineTerms = c.hasPath("headline-terms") ? terms(conf, key, "headline-terms", c) : terms;
    List<String> against = terms(conf, key, "against", c);
    List<String> exclude = terms(conf, key, "exclude", c);
    List<String> subjectPatterns = patterns(conf, key, "subject-patterns", c);
    double positiveShare = share(conf, key, "weak-labels.positive-share", c);
    int positiveMentions = get(conf, key, "weak-labels.positive-mentions",
        () -> c.getInt("weak-labels.positive-mentions"));
    if (positiveMentions < 1) {
      throw new ConfException(TopiclineConf.fullKey(key + ".weak-labels.positive-mentions"),
          "must be >= 1, was " + positiveMentions);
    }
    double negativeShare = share(conf, key, "weak-labels.negative-share", c);
    double againstShare = share(conf, key, "weak-labels.against-share", c);
    if (negativeShare > positiveShare) {
      throw new ConfException(TopiclineConf.fullKey(key + ".weak-labels.negative-share"),
          "must not exceed weak-labels.positive-share (" + positiveShare + "), was " + negativeShare);
    }
    int minMentions = get(conf, key, "min-mentions", () -> c.getInt("min-mentions"));
    if (minMentions < 1) {
      throw new ConfException(TopiclineConf.fullKey(key + ".min-mentions"), "must be >= 1, was " + minMentions);
    }
    Double threshold = threshold(conf, key, c);
    return new TopicSpec(id, displayName, headlineTerms, terms, pairs, against, exclude, subjectPatterns,
        positiveShare, positiveMentions, negativeShare, againstShare, minMentions, threshold);
  }

  /**
   * An optional list of regular expressions, matched in normalised text (full-width punctuation and traditional
   * characters are gone by then, so a pattern is written for the normalised form); one that does not compile is an
   * error naming the key.
   */
  private static List<String> patterns(TopiclineConf conf, String key, String path, Config c) {
    if (!c.hasPath(path)) {
      return List.of();
    }
    List<String> raw = get(conf, key, path, () -> c.getStringList(path));
    for (String p : raw) {
      if (p.isBlank()) {
        throw new ConfException(TopiclineConf.fullKey(key + "." + path), "has a blank pattern" + conf.where(key));
      }
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        throw new ConfException(TopiclineConf.fullKey(key + "." + path),
            "is not a regular expression: " + e.getDescription() + " in \"" + p + "\"" + conf.where(key));
      }
    }
    return List.copyOf(raw);
  }

  /** An optional list of terms, normalised as the text they are matched in; blank terms are errors. */
  private static List<String> terms(TopiclineConf conf, String key, String path, Config c) {
    if (!c.hasPath(path)) {
      return List.of();
    }
    List<String> raw = get(conf, key, path, () -> c.getStringList(path));
    List<String> out = new ArrayList<>();
    for (String t : raw) {
      if (t.isBlank()) {
        throw new ConfException(TopiclineConf.fullKey(key + "." + path), "has a blank term" + conf.where(key));
      }
      String n = TextAnalyzer.normalise(t.strip());
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }

  private static double share(TopiclineConf conf, String key, String path, Config c) {
    double v = get(conf, key, path, () -> c.getDouble(path));
    if (!(v >= 0 && v <= 1)) {
      throw new ConfException(TopiclineConf.fullKey(key + "." + path), "must be a share in [0, 1], was " + v);
    }
    return v;
  }

  private static Double threshold(TopiclineConf conf, String key, Config c) {
    String full = TopiclineConf.fullKey(key + ".threshold");
    ConfigValue v = get(conf, key, "threshold", () -> c.getValue("threshold"));
    if (v.valueType() == ConfigValueType.STRING && "auto".equals(v.unwrapped())) {
      return null;
    }
    if (v.valueType() != ConfigValueType.NUMBER) {
      throw new ConfException(full, "must be \"auto\" or a probability in (0, 1), was " + v.render());
    }
    double t = ((Number) v.unwrapped()).doubleValue();
    if (!(t > 0 && t < 1)) {
      throw new ConfException(full, "must be \"auto\" or a probability in (0, 1), was " + t);
    }
    return t;
  }

  private static <T> T get(TopiclineConf conf, String key, String path, java.util.function.Supplier<T> getter) {
    try {
      return getter.get();
    } catch (ConfigException.Missing e) {
      throw new ConfException(TopiclineConf.fullKey(key + "." + path), "missing");
    } catch (ConfigException e) {
      throw new ConfException(TopiclineConf.fullKey(key + "." + path), e.getMessage(), e);
    }
  }
}
