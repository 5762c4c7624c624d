package org.topicline.topics;

import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.SparseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.optimization.Gradient;

/**
 * One-vs-rest squared hinge loss of all classes at once, for MLlib's L-BFGS: each class c is a linear scorer whose
 * coefficients (then intercept) fill {@code weights[c * (d + 1) .. c * (d + 1) + d]}, and every line counts as a
 * positive of its own class and a negative of the others: sum over c of {@code max(0, 1 - y_c * margin_c)^2}.
 *
 * <p>Unlike the hinge loss of Spark's LinearSVC it is differentiable, so L-BFGS converges on it, and one pass over
 * the data serves every class (one {@code treeAggregate} per iteration, as multinomial logistic regression).
 */
final class SquaredHingeGradient extends Gradient {
  private static final long serialVersionUID = 1L;

  private final int numClasses;

  SquaredHingeGradient(int numClasses) {
    this.numClasses = numClasses;
  }

  @Override
  public double compute(Vector data, double label, Vector weights, Vector cumGradient) {
    SparseVector x = data instanceof SparseVector s ? s : data.toSparse();
    int[] index = x.indices();
    double[] value = x.values();
    double[] w = ((DenseVector) weights).values();
    double[] g = ((DenseVector) cumGradient).values();
    int stride = data.size() + 1;
    double loss = 0;
    for (int c = 0; c < numClasses; c++) {
      int offset = c * stride;
      double margin = w[offset + stride - 1];
      for (int k = 0; k < index.length; k++) {
        margin += value[k] * w[offset + index[k]];
      }
      double y = c == (int) label ? 1 : -1;
      double slack = 1 - y * margin;
      if (slack > 0) {
        loss += slack * slack;
        double scale = -2 * y * slack;
        for (int k = 0; k < index.length; k++) {
          g[offset + index[k]] += scale * value[k];
        }
        g[offset + stride - 1] += scale;
      }
    }
    return loss;
  }
}
