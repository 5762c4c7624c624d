package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;

class MultiTopicLogisticRegressionTest extends SparkTestBase {
  private static final int FEATURES = 30;

  /**
   * Sparse unit-length rows; topic 0 leans on features 0-4, topic 1 on 5-9 with a third of its rows left out of
   * training (label -1); every fifth row is held out; every fourth row mentions both topics (a negative there is
   * weighed as a mentioning negative).
   */
  private static List<TopicInstance> rows(int n, long seed) {
    Random r = new Random(seed);
    List<TopicInstance> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] idx = r.ints(0, FEATURES).distinct().limit(6).sorted().toArray();
      float[] val = new float[idx.length];
      double norm = 0;
      for (int k = 0; k < idx.length; k++) {
        val[k] = 0.2f + r.nextFloat();
        norm += val[k] * val[k];
      }
      double s0 = 0;
      double s1 = 0;
      for (int k = 0; k < idx.length; k++) {
        val[k] = (float) (val[k] / Math.sqrt(norm));
        s0 += idx[k] < 5 ? val[k] : 0;
        s1 += idx[k] >= 5 && idx[k] < 10 ? val[k] : 0;
      }
      byte l0 = (byte) (s0 + 0.3 * r.nextGaussian() > 0.5 ? 1 : 0);
      byte l1 = (byte) (i % 3 == 0 ? -1 : s1 + 0.3 * r.nextGaussian() > 0.7 ? 1 : 0);
      boolean m = i % 4 == 0;
      out.add(new TopicInstance(idx, val, new byte[] {l0, l1, 0}, new byte[] {l0, l1, 0},
          new boolean[] {true, true, true}, new boolean[] {m, m, false}, i % 5 == 0 ? -1 : 0));
    }
    return out;
  }

  /** What Spark's LogisticRegression fits on the same rows, weights and regularisation. */
  private static LogisticRegressionModel spark(List<TopicInstance> data, int topic, double[] w, double reg) {
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType)
        .add("weight", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (TopicInstance x : data) {
      int label = x.labels()[topic];
      if (!x.heldOut() && label >= 0) {
        double[] v = new double[x.values().length];
        for (int k = 0; k < v.length; k++) {
          v[k] = x.values()[k];
        }
        rows.add(RowFactory.create(Vectors.sparse(FEATURES, x.indices(), v), (double) label,
            w[x.weightClass(topic)]));
      }
    }
    Dataset<Row> df = spark.createDataFrame(rows, schema);
    return new LogisticRegression().setRegParam(reg).setElasticNetParam(0).setStandardization(false)
        .setWeightCol("weight").setMaxIter(1000).setTol(1e-12).fit(df);
  }

  private static org.apache.spark.api.java.JavaSparkContext jsc() {
    return org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @Test
  void everyTopicReachesWhatSparksLogisticRegressionFits() {
    List<TopicInstance> data = rows(600, 1);
    JavaRDD<TopicInstance> rdd = jsc().parallelize(data, 3).cache();
    // Per weight class: negative, positive, negative that mentions the topic.
    double[][] weights = {{0.7, 1.9, 3.1}, {0.6, 2.5, 0.2}, null};
    double reg = 1e-3;
    MultiTopicLogisticRegression.Fit[] fits = MultiTopicLogisticRegression.fit(rdd, FEATURES, weights,
        new MultiTopicLogisticRegression.Settings(reg, 500, 1e-12));
    assertNull(fits[2], "a topic without weights is not fitted");
    for (int t = 0; t < 2; t++) {
      LogisticRegressionModel expected = spark(data, t, weights[t], reg);
      double[] e = expected.coefficients().toArray();
      for (int j = 0; j < FEATURES; j++) {
        assertEquals(e[j], fits[t].coefficients()[j], 1e-3 * Math.max(1, Math.abs(e[j])), "topic " + t + " coef " + j);
      }
      assertEquals(expected.intercept(), fits[t].intercept(), 1e-3, "topic " + t + " intercept");
      assertTrue(fits[t].converged(), "topic " + t);
    }
    // The fit is a Spark model that scores like the cached rows do.
    LogisticRegressionModel m = fits[0].model("lr", "features");
    TopicInstance x = data.get(7);
    double[] coef = java.util.Arrays.copyOf(fits[0].coefficients(), FEATURES + 1);
    coef[FEATURES] = fits[0].intercept();
    double[] v = new double[x.values().length];
    for (int k = 0; k < v.length; k++) {
      v[k] = x.values()[k];
    }
    double margin = m.coefficients().dot(Vectors.sparse(FEATURES, x.indices(), v)) + m.intercept();
    assertEquals(1 / (1 + Math.exp(-margin)), x.probability(coef), 1e-6);
  }

  @Test
  void stopsAtMaxIterWithoutClaimingConvergence() {
    JavaRDD<TopicInstance> rdd = jsc().parallelize(rows(200, 2), 2);
    MultiTopicLogisticRegression.Fit[] fits = MultiTopicLogisticRegression.fit(rdd, FEATURES,
        new double[][] {{1, 1, 1}, null, null}, new MultiTopicLogisticRegression.Settings(1e-6, 3, 1e-12));
    assertEquals(3, fits[0].iterations());
    assertTrue(!fits[0].converged());
  }
}
