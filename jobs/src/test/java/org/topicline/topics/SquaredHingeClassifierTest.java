package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;

/** The squared-hinge SVM stage: its gradient is the loss's, it separates separable classes, and it saves whole. */
class SquaredHingeClassifierTest extends SparkTestBase {
  private static final StructType SCHEMA = new StructType().add("y", DataTypes.DoubleType, false)
      .add("x", SQLDataTypes.VectorType(), false);

  @Test
  void theGradientIsTheDerivativeOfTheLoss() {
    int classes = 3;
    int features = 4;
    Random random = new Random(7);
    double[] w = new double[classes * (features + 1)];
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextGaussian();
    }
    org.apache.spark.mllib.linalg.Vector x = org.apache.spark.mllib.linalg.Vectors.sparse(features,
        new int[] {0, 2, 3}, new double[] {0.5, -1.5, 2.0});
    SquaredHingeGradient gradient = new SquaredHingeGradient(classes);
    double[] g = new double[w.length];
    double loss = gradient.compute(x, 1, org.apache.spark.mllib.linalg.Vectors.dense(w),
        org.apache.spark.mllib.linalg.Vectors.dense(g));
    assertTrue(loss > 0, "random weights leave some slack");
    double h = 1e-6;
    for (int i = 0; i < w.length; i++) {
      double[] up = w.clone();
      double[] down = w.clone();
      up[i] += h;
      down[i] -= h;
      double numeric = (lossAt(gradient, x, up) - lossAt(gradient, x, down)) / (2 * h);
      assertEquals(numeric, g[i], 1e-5, "weight " + i);
    }
  }

  private static double lossAt(SquaredHingeGradient gradient, org.apache.spark.mllib.linalg.Vector x, double[] w) {
    return gradient.compute(x, 1, org.apache.spark.mllib.linalg.Vectors.dense(w),
        org.apache.spark.mllib.linalg.Vectors.zeros(w.length));
  }

  @Test
  void separatesThreeClassesAndSavesItsWeightsAndParams() throws Exception {
    // Class c has feature c on; feature 3 is noise shared by all.
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int c = i % 3;
      rows.add(RowFactory.create((double) c, Vectors.sparse(4, new int[] {c, 3}, new double[] {1, (i % 5) / 5.0})));
    }
    Dataset<Row> data = spark.createDataFrame(rows, SCHEMA);
    SquaredHingeModel model = new SquaredHingeClassifier().setFeaturesCol("x").setLabelCol("y")
        .setPredictionCol("guess").setRegParam(1e-3).setMaxIter(50).fit(data);
    assertEquals(3, model.numClasses());
    assertTrue(model.iterations() > 0 && model.iterations() <= 50, "iterations " + model.iterations());
    List<Row> scored = model.transform(data).select("x", "rawPrediction", "guess").collectAsList();
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i).getDouble(0), scored.get(i).getDouble(2), "row " + i);
      // Every class's margin, for stages that combine it with other evidence; the prediction is the largest.
      Vector x = scored.get(i).getAs(0);
      Vector margins = scored.get(i).getAs(1);
      assertEquals(3, margins.size());
      for (int c = 0; c < 3; c++) {
        assertEquals(model.margin(c, x), margins.apply(c), 1e-12, "row " + i + " class " + c);
      }
      assertEquals(margins.argmax(), (int) scored.get(i).getDouble(2), "row " + i);
    }

    String path = scratch.resolve("squared-hinge").toString();
    model.write().overwrite().save(path);
    SquaredHingeModel loaded = SquaredHingeModel.load(path);
    assertEquals(model.uid(), loaded.uid());
    assertEquals("x", loaded.getOrDefault(loaded.featuresCol()));
    assertEquals("guess", loaded.getOrDefault(loaded.predictionCol()));
    assertEquals(model.iterations(), loaded.iterations());
    Vector probe = Vectors.dense(0.2, 0.9, 0.1, 0.4);
    double[] before = new double[3];
    double[] after = new double[3];
    for (int c = 0; c < 3; c++) {
      before[c] = model.margin(c, probe);
      after[c] = loaded.margin(c, probe);
    }
    assertArrayEquals(before, after, 0.0);
    assertEquals(1.0, loaded.predict(probe));
  }
}
