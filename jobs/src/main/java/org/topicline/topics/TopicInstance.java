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
 * @param heldOut in the held-out split (thresholds and metrics), not in training
 */
public record TopicInstance(int[] indices, float[] values, byte[] labels, byte[] rules, boolean[] gates,
    boolean heldOut) implements Serializable {

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
