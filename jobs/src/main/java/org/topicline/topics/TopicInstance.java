package org.topicline.topics;

import java.io.Serializable;

/**
 * One article as training sees it, cached between the passes of the optimiser: its features (sparse, values as
 * floats to halve the cache) and, per topic, the training label, the rules' weak label and whether the rules let
 * the model label it.
 *
 * @param indices feature indices, ascending
 * @param values feature values (L2-normalised TF-IDF blocks)
 * @param labels per topic: 1 or 0 (a gold label where there is one, else the rules' confident label), or -1: left
 *     out of training
 * @param rules per topic, the seed rules' weak label (1, 0, -1 ambiguous)
 * @param gates per topic, whether the rules let the model label the article
 * @param mentioned per topic, whether the topic gets more than a passing mention ({@link SeedRules#mentioned}),
 *     whatever the label
 * @param fold -1 in the held-out split (thresholds and metrics, not training); else the article's fold of the
 *     training split (0 to {@code train.threshold-folds - 1}), which the regressions that score it for the
 *     thresholds are fitted without
 */
public record TopicInstance(int[] indices, float[] values, byte[] labels, byte[] rules, boolean[] gates,
    boolean[] mentioned, int fold) implements Serializable {
  /** Weight classes of a training article for a topic: see {@link #weightClass}. */
  public static final int NEGATIVE = 0;
  public static final int POSITIVE = 1;
  public static final int MENTIONING_NEGATIVE = 2;
  public static final int WEIGHT_CLASSES = 3;

  /**
   * The article's weight class for topic {@code k} (its label must be 0 or 1): a negative that mentions the topic in
   * at least {@code min-mentions} sentences without being about it (a small share of a long article, the rubric's
   * "not this topic") is the contrast the model has to learn where it decides, so it is weighed apart from the
   * negatives that barely mention the topic or not at all.
   */
  public int weightClass(int k) {
    return labels[k] == 0 && mentioned[k] ? MENTIONING_NEGATIVE : labels[k];
  }

  /** In the held-out split: thresholds and metrics, never training. */
  public boolean heldOut() {
    return fold < 0;
  }

  /** The linear score {@code coef . x + intercept} (the intercept is the last element of {@code coef}). */
  public double margin(double[] coef) {
    double s = coef[coef.length - 1];
    for (int k = 0; k < indices.length; k++) {
      s += coef[indices[k]] * values[k];
    }
    return s;
  }

  /** The logistic regression's probability for {@code coef} (intercept last), as {@link TopicModel} scores it. */
  public double probability(double[] coef) {
    return 1.0 / (1.0 + Math.exp(-margin(coef)));
  }
}
