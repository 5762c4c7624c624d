package org.topicline.topics;

import java.io.Serializable;
import java.util.Map;
import org.topicline.text.TextAnalyzer;

/**
 * A topic's seed rules applied to one article: a weighted count of seed terms in the title and the body, and the
 * weak label it implies. Confident positives (the title is about the topic, or the seed terms are dense in the
 * body) and confident negatives (at most a passing mention) train the model; the rest is left out.
 */
public final class SeedRules {
  public static final int POSITIVE = 1;
  public static final int NEGATIVE = 0;
  /** Neither: left out of training. */
  public static final int AMBIGUOUS = -1;

  /** Density is per 1000 chars of body, with short bodies counted as this long so a single hit is not "dense". */
  static final int MIN_DENSITY_CHARS = 300;

  private SeedRules() {}

  /** The rule scores of one article for one topic. */
  public record Score(double title, double body, double density, boolean excluded) implements Serializable {
    /** The rule's own verdict as a score: title hits count title-weight times. */
    public double total(TopicSpec t) {
      return t.titleWeight() * title + body;
    }
  }

  public static Score score(TopicSpec topic, String title, String body) {
    String t = title == null ? "" : TextAnalyzer.normalise(title);
    String b = body == null ? "" : TextAnalyzer.normalise(body);
    boolean excluded = false;
    for (String x : topic.exclude()) {
      excluded |= t.contains(x) || b.contains(x);
    }
    double titleScore = weighted(topic.terms(), t);
    double bodyScore = weighted(topic.terms(), b);
    double density = bodyScore * 1000.0 / Math.max(b.length(), MIN_DENSITY_CHARS);
    return new Score(titleScore, bodyScore, density, excluded);
  }

  public static int weakLabel(TopicSpec topic, Score s) {
    if (s.excluded()) {
      return NEGATIVE;
    }
    if (topic.titleWeight() * s.title() >= topic.titleScore()
        || (s.body() >= topic.bodyScore() && s.density() >= topic.minDensity())) {
      return POSITIVE;
    }
    if (s.title() == 0 && s.body() < topic.negativeScore()) {
      return NEGATIVE;
    }
    return AMBIGUOUS;
  }

  public static int weakLabel(TopicSpec topic, String title, String body) {
    return weakLabel(topic, score(topic, title, body));
  }

  private static double weighted(Map<String, Double> terms, String text) {
    double sum = 0;
    for (Map.Entry<String, Double> e : terms.entrySet()) {
      sum += e.getValue() * count(text, e.getKey());
    }
    return sum;
  }

  static int count(String text, String term) {
    int n = 0;
    for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length())) {
      n++;
    }
    return n;
  }
}
