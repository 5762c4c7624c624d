package org.topicline.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maximal marginal relevance within a character budget: repeatedly the item with the best
 * {@code lambda * score / best score - (1 - lambda) * max similarity to the picked ones}. The first pick is the best
 * item whole even when it alone exceeds the budget (a summary is never empty, and never a lesser sentence only
 * because it is short); later picks must fit. A near repeat of a picked item ({@code maxSimilarity}) is never
 * picked. Ties go to the earlier item. Returns the picked indexes in ascending order.
 */
final class Mmr {
  private Mmr() {}

  static List<Integer> select(int[] chars, double[] scores, TermVectors vectors, int budget, int maxItems,
      double lambda, double maxSimilarity) {
    int n = scores.length;
    double max = 0;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    boolean[] taken = new boolean[n];
    List<Integer> picked = new ArrayList<>();
    int used = 0;
    while (picked.size() < maxItems) {
      int bestIdx = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (taken[i] || !picked.isEmpty() && used + chars[i] > budget) {
          continue;
        }
        double redundancy = 0;
        for (int j : picked) {
          redundancy = Math.max(redundancy, vectors.get(i).dot(vectors.get(j)));
        }
        if (redundancy >= maxSimilarity) {
          continue;
        }
        double value = lambda * (max > 0 ? scores[i] / max : 0) - (1 - lambda) * redundancy;
        if (value > bestValue) { // strict: ties keep the earlier item
          bestValue = value;
          bestIdx = i;
        }
      }
      if (bestIdx < 0) {
        break;
      }
      taken[bestIdx] = true;
      picked.add(bestIdx);
      used += chars[bestIdx];
    }
    picked.sort(Comparator.naturalOrder());
    return picked;
  }
}
