package org.topicline.topics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      double regParam, int maxIter, int evidenceTerms, double supervisedRegParam) implements java.io.Serializable {}

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
        conf.getInt("train.evidence-terms", 0, 100),
        conf.getDouble("train.supervised-reg-param", 0, 100));
    return new TopicSettings(topics, train);
  }

  private static String quote(String id) {
    return "\"" + id + "\"";
  }

  private static TopicSpec topic(TopiclineConf conf, String key, String id, Config c) {
    String displayName = get(conf, key, "display-name", () -> c.getString("display-name"));
    LinkedHashMap<String, Double> terms = new LinkedHashMap<>();
    if (c.hasPath("terms")) {
      Config t = get(conf, key, "terms", () -> c.getConfig("terms"));
      for (Map.Entry<String, ConfigValue> e : t.root().entrySet()) {
        String termKey = key + ".terms." + e.getKey();
        if (e.getValue().valueType() != ConfigValueType.NUMBER) {
          throw new ConfException(TopiclineConf.fullKey(termKey), "a term's weight must be a number" + conf.where(termKey));
        }
        double w = ((Number) e.getValue().unwrapped()).doubleValue();
        if (!(w > 0)) {
          throw new ConfException(TopiclineConf.fullKey(termKey), "a term's weight must be > 0, was " + w);
        }
        terms.put(TextAnalyzer.normalise(e.getKey()), w);
      }
    }
    if (terms.isEmpty()) {
      throw new ConfException(TopiclineConf.fullKey(key + ".terms"),
          "topic " + id + " has no seed rules: give at least one weighted term" + conf.where(key));
    }
    List<String> exclude = get(conf, key, "exclude", () -> c.hasPath("exclude") ? c.getStringList("exclude") : List.<String>of())
        .stream().map(TextAnalyzer::normalise).toList();
    double titleWeight = positive(conf, key, "title-weight", c);
    double titleScore = positive(conf, key, "weak-labels.title-score", c);
    double bodyScore = positive(conf, key, "weak-labels.body-score", c);
    double minDensity = nonNegative(conf, key, "weak-labels.min-density", c);
    double negativeScore = positive(conf, key, "weak-labels.negative-score", c);
    if (negativeScore > bodyScore) {
      throw new ConfException(TopiclineConf.fullKey(key + ".weak-labels.negative-score"),
          "must not exceed weak-labels.body-score (" + bodyScore + "), was " + negativeScore);
    }
    Double threshold = threshold(conf, key, c);
    return new TopicSpec(id, displayName, terms, exclude, titleWeight, titleScore, bodyScore, minDensity,
        negativeScore, threshold);
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

  private static double positive(TopiclineConf conf, String key, String path, Config c) {
    double v = get(conf, key, path, () -> c.getDouble(path));
    if (!(v > 0)) {
      throw new ConfException(TopiclineConf.fullKey(key + "." + path), "must be > 0, was " + v);
    }
    return v;
  }

  private static double nonNegative(TopiclineConf conf, String key, String path, Config c) {
    double v = get(conf, key, path, () -> c.getDouble(path));
    if (!(v >= 0)) {
      throw new ConfException(TopiclineConf.fullKey(key + "." + path), "must be >= 0, was " + v);
    }
    return v;
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
