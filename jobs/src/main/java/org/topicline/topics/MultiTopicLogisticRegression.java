package org.topicline.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vectors;

/**
 * One binary logistic regression per topic, all fitted together: every pass over the cached articles computes the
 * loss and gradient of every topic still optimising, so K topics cost the passes of one instead of K times as many
 * Spark jobs (each a broadcast of the coefficients and an aggregation of a vocabulary-sized gradient).
 *
 * <p>Each topic minimises what Spark's {@code LogisticRegression} minimises with a weight column, no
 * standardisation and L2 only: the weighted mean log loss over its training articles plus
 * {@code regParam / 2 * ||coefficients||^2} (the intercept is not regularised). Each topic has its own L-BFGS
 * (limited-memory BFGS with a backtracking line search) and stops on its own; the topics only share the passes.
 * The result is Spark's {@link LogisticRegressionModel}, so a saved pipeline is a plain Spark ML pipeline.
 */
public final class MultiTopicLogisticRegression {
  /** Corrections L-BFGS keeps (Spark's LogisticRegression keeps 10 too). */
  static final int HISTORY = 10;

  /**
   * @param regParam L2 regularisation
   * @param maxIter most L-BFGS iterations per topic
   * @param tol a topic stops when an iteration lowers its loss by less than this, relative to the loss
   */
  public record Settings(double regParam, int maxIter, double tol) implements Serializable {}

  /** One topic's fit: the coefficients, the intercept, L-BFGS iterations, and whether the loss converged. */
  public record Fit(double[] coefficients, double intercept, int iterations, boolean converged) {
    /** The fit as Spark's model, reading {@code featuresCol}. */
    public LogisticRegressionModel model(String uid, String featuresCol) {
      LogisticRegressionModel m = new LogisticRegressionModel(uid, Vectors.dense(coefficients), intercept);
      return m.setFeaturesCol(featuresCol);
    }
  }

  private MultiTopicLogisticRegression() {}

  /**
   * Fits topic {@code k} on the articles that are not held out and have {@code labels[k] >= 0}, each weighted by
   * {@code classWeights[k][x.weightClass(k)]} (negative, positive, negative that mentions the topic); a topic whose
   * weights are null is skipped (its fit is null).
   */
  public static Fit[] fit(JavaRDD<TopicInstance> data, int features, double[][] classWeights, Settings s) {
    int topics = classWeights.length;
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.context());
    Lbfgs[] opt = new Lbfgs[topics];
    for (int k = 0; k < topics; k++) {
      if (classWeights[k] != null) {
        opt[k] = new Lbfgs(features + 1, s.maxIter(), s.tol());
      }
    }
    while (true) {
      double[][] points = new double[topics][];
      boolean any = false;
      for (int k = 0; k < topics; k++) {
        if (opt[k] != null && !opt[k].done()) {
          points[k] = opt[k].point();
          any = true;
        }
      }
      if (!any) {
        break;
      }
      Broadcast<double[][]> b = sc.broadcast(points);
      Gradients sum = data.treeAggregate(new Gradients(), (g, x) -> g.add(x, b.value(), classWeights),
          Gradients::merge, 2);
      b.destroy();
      for (int k = 0; k < topics; k++) {
        if (points[k] == null) {
          continue;
        }
        double w = sum.weights == null ? 0 : sum.weights[k];
        if (w <= 0) {
          throw new IllegalStateException("topic " + k + " has no training articles");
        }
        double[] x = points[k];
        double[] g = new double[features + 1];
        double reg = 0;
        for (int j = 0; j < features; j++) {
          g[j] = sum.grad[k][j] / w + s.regParam() * x[j];
          reg += x[j] * x[j];
        }
        g[features] = sum.grad[k][features] / w;
        opt[k].observe(sum.loss[k] / w + s.regParam() / 2 * reg, g);
      }
    }
    Fit[] out = new Fit[topics];
    for (int k = 0; k < topics; k++) {
      if (opt[k] != null) {
        double[] x = opt[k].x();
        out[k] = new Fit(java.util.Arrays.copyOf(x, features), x[features], opt[k].iterations(),
            opt[k].converged());
      }
    }
    return out;
  }

  /** Per topic: weighted log loss, its gradient (intercept last) and the weights, summed over articles. */
  static final class Gradients implements Serializable {
    double[][] grad;
    double[] loss;
    double[] weights;

    /** Arrays are made on the first article, so the empty value shipped with every task stays small. */
    Gradients add(TopicInstance x, double[][] points, double[][] classWeights) {
      if (x.heldOut()) {
        return this;
      }
      int topics = points.length;
      if (grad == null) {
        grad = new double[topics][];
        loss = new double[topics];
        weights = new double[topics];
        for (int k = 0; k < topics; k++) {
          if (points[k] != null) {
            grad[k] = new double[points[k].length];
          }
        }
      }
      for (int k = 0; k < topics; k++) {
        int label = x.labels()[k];
        if (points[k] == null || label < 0) {
          continue;
        }
        double w = classWeights[k][x.weightClass(k)];
        double m = x.margin(points[k]);
        // log(1 + e^m) - y m, computed without overflow.
        loss[k] += w * ((m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))) - label * m);
        weights[k] += w;
        double mult = w * (1.0 / (1.0 + Math.exp(-m)) - label);
        double[] g = grad[k];
        int[] idx = x.indices();
        float[] val = x.values();
        for (int j = 0; j < idx.length; j++) {
          g[idx[j]] += mult * val[j];
        }
        g[g.length - 1] += mult;
      }
      return this;
    }

    static Gradients merge(Gradients a, Gradients b) {
      if (a.grad == null) {
        return b;
      }
      if (b.grad == null) {
        return a;
      }
      for (int k = 0; k < a.grad.length; k++) {
        if (a.grad[k] != null) {
          double[] x = a.grad[k];
          double[] y = b.grad[k];
          for (int j = 0; j < x.length; j++) {
            x[j] += y[j];
          }
        }
        a.loss[k] += b.loss[k];
        a.weights[k] += b.weights[k];
      }
      return a;
    }
  }

  /**
   * L-BFGS for one topic as a state machine driven from outside: {@link #point} is where it wants the loss and
   * gradient next, {@link #observe} gives them. A trial point is accepted when it lowers the loss enough (Armijo);
   * otherwise the step shrinks by quadratic interpolation.
   */
  static final class Lbfgs {
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 30;

    private final int n;
    private final int maxIter;
    private final double tol;
    private final List<double[]> s = new ArrayList<>();
    private final List<double[]> y = new ArrayList<>();
    private double[] x;
    private double f = Double.NaN;
    private double[] g;
    private double[] dir;
    private double step;
    private double slope;
    private double[] trial;
    private int iterations;
    private int backtracks;
    private boolean done;
    private boolean converged;

    Lbfgs(int n, int maxIter, double tol) {
      this.n = n;
      this.maxIter = maxIter;
      this.tol = tol;
      this.x = new double[n];
      this.trial = x;
    }

    boolean done() {
      return done;
    }

    boolean converged() {
      return converged;
    }

    int iterations() {
      return iterations;
    }

    double[] x() {
      return x;
    }

    double[] point() {
      return trial;
    }

    void observe(double fTrial, double[] gTrial) {
      if (Double.isNaN(f)) {
        f = fTrial;
        g = gTrial;
        direction();
        return;
      }
      if (fTrial <= f + ARMIJO * step * slope) {
        accept(fTrial, gTrial);
      } else if (++backtracks > MAX_BACKTRACKS) {
        done = true;
      } else {
        // Minimum of the quadratic through f, the slope at 0 and fTrial, kept within [0.1, 0.5] of the step.
        double next = -slope * step * step / (2 * (fTrial - f - slope * step));
        step = Double.isFinite(next) ? Math.min(0.5 * step, Math.max(0.1 * step, next)) : 0.5 * step;
        moveTrial();
      }
    }

    private void accept(double fTrial, double[] gTrial) {
      double[] sk = new double[n];
      double[] yk = new double[n];
      double sy = 0;
      for (int j = 0; j < n; j++) {
        sk[j] = trial[j] - x[j];
        yk[j] = gTrial[j] - g[j];
        sy += sk[j] * yk[j];
      }
      // Keep the correction only where the curvature is positive, so the inverse Hessian stays positive definite.
      if (sy > 1e-12) {
        s.add(sk);
        y.add(yk);
        if (s.size() > HISTORY) {
          s.remove(0);
          y.remove(0);
        }
      }
      double improvement = (f - fTrial) / Math.max(Math.max(Math.abs(f), Math.abs(fTrial)), 1e-12);
      x = trial;
      f = fTrial;
      g = gTrial;
      iterations++;
      backtracks = 0;
      if (improvement < tol) {
        converged = true;
        done = true;
      } else if (iterations >= maxIter) {
        done = true;
      } else {
        direction();
      }
    }

    /** The two-loop recursion: dir = -H g, H the L-BFGS inverse Hessian; then the first trial along it. */
    private void direction() {
      double[] q = g.clone();
      int m = s.size();
      double[] alpha = new double[m];
      for (int i = m - 1; i >= 0; i--) {
        double rho = 1.0 / dot(y.get(i), s.get(i));
        alpha[i] = rho * dot(s.get(i), q);
        axpy(-alpha[i], y.get(i), q);
      }
      if (m > 0) {
        double gamma = dot(s.get(m - 1), y.get(m - 1)) / dot(y.get(m - 1), y.get(m - 1));
        for (int j = 0; j < n; j++) {
          q[j] *= gamma;
        }
      }
      for (int i = 0; i < m; i++) {
        double rho = 1.0 / dot(y.get(i), s.get(i));
        double beta = rho * dot(y.get(i), q);
        axpy(alpha[i] - beta, s.get(i), q);
      }
      dir = q;
      for (int j = 0; j < n; j++) {
        dir[j] = -dir[j];
      }
      slope = dot(g, dir);
      if (!(slope < 0)) {
        // Not a descent direction (rounding): start again from steepest descent.
        s.clear();
        y.clear();
        dir = g.clone();
        for (int j = 0; j < n; j++) {
          dir[j] = -dir[j];
        }
        slope = dot(g, dir);
      }
      if (slope == 0) {
        converged = true;
        done = true;
        return;
      }
      // Without curvature information the first step is scaled to a unit move.
      step = s.isEmpty() ? Math.min(1.0, 1.0 / Math.sqrt(-slope)) : 1.0;
      moveTrial();
    }

    private void moveTrial() {
      trial = x.clone();
      axpy(step, dir, trial);
    }

    private static double dot(double[] a, double[] b) {
      double r = 0;
      for (int j = 0; j < a.length; j++) {
        r += a[j] * b[j];
      }
      return r;
    }

    private static void axpy(double a, double[] x, double[] y) {
      for (int j = 0; j < x.length; j++) {
        y[j] += a * x[j];
      }
    }
  }
}
