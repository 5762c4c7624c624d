package org.topicline.topics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Precision, recall, F1, ROC AUC and PR AUC of probabilities against 0/1 labels, and the threshold with the best F1.
 * Held-out sets are small enough to measure on the driver.
 */
public record BinaryMetrics(double threshold, double precision, double recall, double f1, double rocAuc,
    double prAuc, long support, long size) {

  /** Metrics at {@code threshold}. */
  public static BinaryMetrics at(double[] prob, int[] label, double threshold) {
    long tp = 0, fp = 0, fn = 0, pos = 0;
    for (int i = 0; i < prob.length; i++) {
      boolean p = prob[i] >= threshold;
      pos += label[i];
      tp += p && label[i] == 1 ? 1 : 0;
      fp += p && label[i] == 0 ? 1 : 0;
      fn += !p && label[i] == 1 ? 1 : 0;
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = pos == 0 ? 0 : (double) tp / pos;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    double[] auc = areas(prob, label);
    return new BinaryMetrics(threshold, precision, recall, f1, auc[0], auc[1], pos, prob.length);
  }

  /**
   * The threshold with the best F1, placed halfway between the lowest positive probability it keeps and the next
   * lower probability (so a new article just below the last kept one is not decided by a hair).
   */
  public static double bestThreshold(double[] prob, int[] label) {
    Integer[] order = order(prob);
    long pos = Arrays.stream(label).filter(l -> l == 1).count();
    if (pos == 0) {
      return 0.5;
    }
    long tp = 0, fp = 0;
    double best = -1;
    double threshold = 0.5;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      tp += label[i];
      fp += 1 - label[i];
      if (k + 1 < order.length && prob[order[k + 1]] == prob[i]) {
        continue;
      }
      double f1 = 2.0 * tp / (2.0 * tp + fp + (pos - tp));
      if (f1 > best) {
        best = f1;
        double next = k + 1 < order.length ? prob[order[k + 1]] : 0;
        threshold = (prob[i] + next) / 2;
      }
    }
    return threshold;
  }

  /** ROC AUC and PR AUC (trapezoids over the distinct probabilities, highest first). */
  static double[] areas(double[] prob, int[] label) {
    Integer[] order = order(prob);
    long pos = Arrays.stream(label).filter(l -> l == 1).count();
    long neg = label.length - pos;
    if (pos == 0 || neg == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double roc = 0, pr = 0;
    long tp = 0, fp = 0;
    double prevTpr = 0, prevFpr = 0, prevRecall = 0, prevPrecision = 1;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      tp += label[i];
      fp += 1 - label[i];
      if (k + 1 < order.length && prob[order[k + 1]] == prob[i]) {
        continue;
      }
      double tpr = (double) tp / pos, fpr = (double) fp / neg;
      double precision = (double) tp / (tp + fp);
      roc += (fpr - prevFpr) * (tpr + prevTpr) / 2;
      pr += (tpr - prevRecall) * (precision + prevPrecision) / 2;
      prevTpr = tpr;
      prevFpr = fpr;
      prevRecall = tpr;
      prevPrecision = precision;
    }
    return new double[] {roc, pr};
  }

  private static Integer[] order(double[] prob) {
    Integer[] order = new Integer[prob.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> prob[i]).reversed());
    return order;
  }
}
