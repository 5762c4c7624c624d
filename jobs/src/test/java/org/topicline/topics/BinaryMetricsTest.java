package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

  private static BinaryMetrics.Histogram of(double[] prob, boolean[] positive) {
    BinaryMetrics.Histogram h = new BinaryMetrics.Histogram();
    for (int i = 0; i < prob.length; i++) {
      h.add(prob[i], positive[i]);
    }
    return h;
  }

  @Test
  void separableScoresGetAThresholdBetweenTheClassesAndPerfectAreas() {
    BinaryMetrics.Histogram h = of(new double[] {0.91, 0.8, 0.62, 0.4, 0.3, 0.05},
        new boolean[] {true, true, true, false, false, false});
    double t = BinaryMetrics.bestThreshold(h, 1);
    assertTrue(t > 0.4 && t <= 0.62, "threshold " + t);
    BinaryMetrics m = BinaryMetrics.at(h, t);
    assertEquals(1.0, m.f1(), 1e-12);
    assertEquals(1.0, m.rocAuc(), 1e-12);
    assertEquals(1.0, m.prAuc(), 1e-12);
    assertEquals(3, m.support());
    assertEquals(6, m.size());
  }

  @Test
  void metricsAtAThresholdCountWhatReachesIt() {
    BinaryMetrics.Histogram h = of(new double[] {0.9, 0.7, 0.6, 0.55, 0.2},
        new boolean[] {true, false, true, false, true});
    BinaryMetrics m = BinaryMetrics.at(h, 0.6);
    assertEquals(2.0 / 3, m.precision(), 1e-12);
    assertEquals(2.0 / 3, m.recall(), 1e-12);
    // Ranking 1,0,1,0,1: three of the six positive-negative pairs are ordered right.
    assertEquals(0.5, m.rocAuc(), 1e-12);
  }

  @Test
  void metricsAtAThresholdCountExactlyWhatScoringLabels() {
    // 0.57 * 10000 is 5699.99...: the negative just below 0.57 is not labelled, the positive at 0.57 is.
    BinaryMetrics m = BinaryMetrics.at(of(new double[] {0.56995, 0.57, 0.3}, new boolean[] {false, true, false}),
        0.57);
    assertEquals(1.0, m.precision(), 0);
    assertEquals(1.0, m.recall(), 0);
    // Every two-decimal threshold (as conf gives them) against probabilities on and between the edges: p >= t.
    java.util.Random random = new java.util.Random(7);
    double[] prob = new double[2000];
    boolean[] positive = new boolean[prob.length];
    for (int i = 0; i < prob.length; i++) {
      prob[i] = i % 2 == 0 ? random.nextInt(100) / 100.0 : random.nextDouble();
      positive[i] = random.nextBoolean();
    }
    BinaryMetrics.Histogram h = of(prob, positive);
    for (int k = 1; k < 100; k++) {
      double t = k / 100.0;
      long tp = 0, fp = 0, pos = 0;
      for (int i = 0; i < prob.length; i++) {
        tp += prob[i] >= t && positive[i] ? 1 : 0;
        fp += prob[i] >= t && !positive[i] ? 1 : 0;
        pos += positive[i] ? 1 : 0;
      }
      assertEquals((double) tp / (tp + fp), BinaryMetrics.at(h, t).precision(), 0, "threshold " + t);
      assertEquals((double) tp / pos, BinaryMetrics.at(h, t).recall(), 0, "threshold " + t);
    }
  }

  @Test
  void prAucIsAveragePrecision() {
    // sklearn's average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333.
    BinaryMetrics.Histogram h = of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
    assertEquals(0.5 * 1 + 0.5 * 2.0 / 3, BinaryMetrics.at(h, 0.5).prAuc(), 1e-12);
    // One positive among 99 negatives, all at one probability: precision 0.01 at every threshold.
    BinaryMetrics.Histogram tied = new BinaryMetrics.Histogram().add(0.3, true);
    for (int i = 0; i < 99; i++) {
      tied.add(0.3, false);
    }
    assertEquals(0.01, BinaryMetrics.at(tied, 0.5).prAuc(), 1e-12);
  }

  @Test
  void bestF1CanPreferRecallOverASinglePerfectlyRankedItem() {
    // Keeping all four positives at the cost of one negative (F1 8/9) beats keeping only the top one (F1 2/5).
    BinaryMetrics.Histogram h = of(new double[] {0.95, 0.9, 0.7, 0.6, 0.5, 0.1},
        new boolean[] {true, false, true, true, true, false});
    assertEquals(0.5, BinaryMetrics.bestThreshold(h, 1), 1e-12);
  }

  @Test
  void aBetaBelowOneWeighsPrecisionMore() {
    BinaryMetrics.Histogram h = of(new double[] {0.95, 0.92, 0.9, 0.85, 0.7, 0.6, 0.1},
        new boolean[] {true, true, false, false, true, true, false});
    // F1: all four positives with two mistakes (0.8) beats the clean top two (0.667); F0.5 the other way round.
    assertEquals(0.6, BinaryMetrics.bestThreshold(h, 1), 1e-12);
    assertEquals(0.92, BinaryMetrics.bestThreshold(h, 0.5), 1e-12);
  }

  @Test
  void partitionsMergeIntoTheSameHistogram() {
    BinaryMetrics.Histogram a = of(new double[] {0.9, 0.1}, new boolean[] {true, false});
    BinaryMetrics.Histogram b = of(new double[] {0.8, 0.3}, new boolean[] {false, true});
    BinaryMetrics.Histogram whole = of(new double[] {0.9, 0.1, 0.8, 0.3}, new boolean[] {true, false, false, true});
    assertEquals(BinaryMetrics.at(whole, 0.5), BinaryMetrics.at(a.merge(b), 0.5));
  }

  @Test
  void withoutPositivesTheThresholdStaysAtOneHalfAndAreasAreUndefined() {
    BinaryMetrics.Histogram h = of(new double[] {0.9, 0.2}, new boolean[] {false, false});
    assertEquals(0.5, BinaryMetrics.bestThreshold(h, 1), 1e-12);
    assertNull(BinaryMetrics.at(h, 0.5).rocAuc());
    assertNull(BinaryMetrics.at(h, 0.5).prAuc());
  }
}
