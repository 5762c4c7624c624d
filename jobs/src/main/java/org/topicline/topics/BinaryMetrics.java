package org.topicline.topics;

import java.io.Serializable;

/**
 * Precision, recall, F1, ROC AUC and PR AUC of probabilities against 0/1 labels, and the threshold with the best
 * F-beta for a given beta, all computed from a {@link Histogram}: the held-out split grows with the corpus, so its
 * probabilities are counted into fixed bins on the executors and only the bins reach the driver. The areas are null
 * without both classes: there is no curve to measure.
 */
public record BinaryMetrics(double threshold, double precision, double recall, double f1, Double rocAuc,
    Double prAuc, long support, long size) {

  /**
   * Metrics at {@code threshold}: the bins from the lowest edge at or above it count as labelled positive, which is
   * exactly scoring's {@code p >= threshold} for a threshold on a bin edge (chosen thresholds are; conf ones are
   * when they have at most four decimals).
   */
  public static BinaryMetrics at(Histogram h, double threshold) {
    int first = Histogram.firstBinFrom(threshold);
    long tp = 0, fp = 0;
    for (int b = first; b < Histogram.BINS; b++) {
      tp += h.pos[b];
      fp += h.neg[b];
    }
    long pos = h.positives();
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = pos == 0 ? 0 : (double) tp / pos;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    double[] auc = areas(h);
    return new BinaryMetrics(threshold, precision, recall, f1, auc == null ? null : auc[0],
        auc == null ? null : auc[1], pos, pos + h.negatives());
  }

  /**
   * The threshold with the best F-beta (beta below 1 weighs precision more): the lower edge of the lowest bin it
   * keeps; 0.5 when there is no positive.
   */
  public static double bestThreshold(Histogram h, double beta) {
    double b2 = beta * beta;
    long pos = h.positives();
    if (pos == 0) {
      return 0.5;
    }
    long tp = 0, fp = 0;
    double best = -1;
    int bestBin = Histogram.bin(0.5);
    for (int b = Histogram.BINS - 1; b >= 0; b--) {
      if (h.pos[b] + h.neg[b] == 0) {
        continue;
      }
      tp += h.pos[b];
      fp += h.neg[b];
      double f = (1 + b2) * tp / ((1 + b2) * tp + b2 * (pos - tp) + fp);
      if (f > best) {
        best = f;
        bestBin = b;
      }
    }
    return Histogram.edge(bestBin);
  }

  /**
   * ROC AUC (trapezoids) and PR AUC as average precision, sum over thresholds of (R_k - R_{k-1}) * P_k (sklearn's
   * {@code average_precision_score}), over the bins, highest probability first; null without both classes. A
   * trapezoid from (recall 0, precision 1) would credit precision no threshold reaches: one positive among 99
   * negatives, all at one probability, would score 0.505 instead of 0.01.
   */
  static double[] areas(Histogram h) {
    long pos = h.positives();
    long neg = h.negatives();
    if (pos == 0 || neg == 0) {
      return null;
    }
    double roc = 0, pr = 0;
    long tp = 0, fp = 0;
    double prevTpr = 0, prevFpr = 0;
    for (int b = Histogram.BINS - 1; b >= 0; b--) {
      if (h.pos[b] + h.neg[b] == 0) {
        continue;
      }
      tp += h.pos[b];
      fp += h.neg[b];
      double tpr = (double) tp / pos, fpr = (double) fp / neg;
      double precision = (double) tp / (tp + fp);
      roc += (fpr - prevFpr) * (tpr + prevTpr) / 2;
      pr += (tpr - prevTpr) * precision;
      prevTpr = tpr;
      prevFpr = fpr;
    }
    return new double[] {roc, pr};
  }

  /** Positives and negatives counted per probability bin of width 1/{@link #BINS}; mergeable across partitions. */
  public static final class Histogram implements Serializable {
    static final int BINS = 10_000;
    final long[] pos = new long[BINS];
    final long[] neg = new long[BINS];

    /** The lower edge of bin {@code b}, the threshold that labels it and the bins above. */
    static double edge(int b) {
      return (double) b / BINS;
    }

    /**
     * The bin of a probability: the highest edge it reaches, compared as scoring compares it with a threshold.
     * {@code floor(p * BINS)} alone can be one off where the product rounds ({@code 0.57 * BINS} is 5699.99...,
     * which put 0.57 and the threshold 0.57 in the bin below).
     */
    static int bin(double probability) {
      int b = (int) Math.min(BINS - 1, Math.max(0, Math.floor(probability * BINS)));
      if (b + 1 < BINS && probability >= edge(b + 1)) {
        return b + 1;
      }
      return b > 0 && probability < edge(b) ? b - 1 : b;
    }

    /** The first bin whose probabilities all reach {@code threshold}: the lowest edge at or above it. */
    static int firstBinFrom(double threshold) {
      int b = bin(threshold);
      return edge(b) < threshold ? b + 1 : b;
    }

    public Histogram add(double probability, boolean positive) {
      (positive ? pos : neg)[bin(probability)]++;
      return this;
    }

    public Histogram merge(Histogram other) {
      for (int b = 0; b < BINS; b++) {
        pos[b] += other.pos[b];
        neg[b] += other.neg[b];
      }
      return this;
    }

    public long positives() {
      long n = 0;
      for (long c : pos) {
        n += c;
      }
      return n;
    }

    public long negatives() {
      long n = 0;
      for (long c : neg) {
        n += c;
      }
      return n;
    }
  }
}
