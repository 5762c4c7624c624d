package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;

/** The nearest training lines vote beside a classifier's margins; the vote is exact, overturns close calls, saves. */
class NeighbourVoteTest extends SparkTestBase {
  private static final StructType SCHEMA = new StructType().add("y", DataTypes.DoubleType, false)
      .add("x", SQLDataTypes.VectorType(), false).add("m", SQLDataTypes.VectorType(), false);

  private static Vector unit(double... v) {
    double norm = Vectors.norm(Vectors.dense(v), 2);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / norm;
    }
    return Vectors.dense(out).compressed();
  }

  /** Four training lines over three terms: two of class 0 near term 0, two of class 1 near term 2. */
  private static final Vector[] TRAIN = {unit(1, 0, 0), unit(1, 1, 0), unit(0, 1, 1), unit(0, 0, 1)};
  private static final int[] LABELS = {0, 0, 1, 1};

  @Test
  void theNearestLinesVoteWithTheirSimilaritiesScaledToOne() {
    NeighbourVoteModel.Index index = new NeighbourVoteModel.Index(LABELS, TRAIN);
    Vector q = unit(0, 1, 0);
    // Cosines: line 0 0, line 1 0.707, line 2 0.707, line 3 0: the two nearest are lines 1 and 2, one per class.
    assertArrayEquals(new double[] {0.5, 0.5}, index.votes(q, 2, 2), 1e-12);
    // All four: lines 0 and 3 share no term, so they do not vote at all.
    assertArrayEquals(new double[] {0.5, 0.5}, index.votes(q, 4, 2), 1e-12);
    Vector r = unit(0.2, 1, 1);
    // Cosines: line 0 0.14, line 1 0.60, line 2 0.99, line 3 0.70: with k 2 lines 2 and 3 (class 1) alone.
    assertArrayEquals(new double[] {0, 1}, index.votes(r, 2, 2), 1e-12);
    double s0 = 0.2 / Math.sqrt(2.04);
    double s1 = 1.2 / Math.sqrt(2.04) / Math.sqrt(2);
    double s2 = 2 / Math.sqrt(2.04) / Math.sqrt(2);
    double s3 = 1 / Math.sqrt(2.04);
    assertArrayEquals(new double[] {(s0 + s1) / (s0 + s1 + s2 + s3), (s2 + s3) / (s0 + s1 + s2 + s3)},
        index.votes(r, 4, 2), 1e-12);
    // On a tie the earlier line votes: lines 1 and 2 are equally near q.
    assertArrayEquals(new double[] {1, 0}, index.votes(q, 1, 2), 1e-12);
    // No term shared: no vote.
    NeighbourVoteModel.Index wide = new NeighbourVoteModel.Index(LABELS, new Vector[] {unit(1, 0, 0, 0),
        unit(1, 1, 0, 0), unit(0, 1, 1, 0), unit(0, 0, 1, 0)});
    assertArrayEquals(new double[] {0, 0}, wide.votes(unit(0, 0, 0, 1), 3, 2), 0.0);
    assertThrows(IllegalArgumentException.class, () -> index.votes(unit(1, 0), 2, 2));
  }

  @Test
  void theVoteOverturnsACloseCallOnlyWithWeight() throws Exception {
    List<Row> train = new ArrayList<>();
    for (int i = 0; i < TRAIN.length; i++) {
      train.add(RowFactory.create((double) LABELS[i], TRAIN[i], Vectors.dense(0, 0)));
    }
    // Near class 1's lines, but the classifier leans to class 0: by 0.1, and by 0.5.
    Vector x = unit(0, 0.2, 1);
    List<Row> probe = List.of(RowFactory.create(1.0, x, Vectors.dense(0.1, 0)),
        RowFactory.create(1.0, x, Vectors.dense(0.5, 0)));
    NeighbourVoteModel model = new NeighbourVote().setFeaturesCol("x").setLabelCol("y").setRawPredictionCol("m")
        .setPredictionCol("p").setNeighbours(2).setWeight(0.25).fit(spark.createDataFrame(train, SCHEMA));
    assertEquals(4, model.size());
    Dataset<Row> probes = spark.createDataFrame(probe, SCHEMA);
    // Lines 2 and 3 vote 1 for class 1: 0.25 overturns a lead of 0.1, not one of 0.5.
    assertEquals(List.of(1.0, 0.0), model.transform(probes).select("p").as(Encoders.DOUBLE()).collectAsList());
    model.setWeight(0);
    assertEquals(List.of(0.0, 0.0), model.transform(probes).select("p").as(Encoders.DOUBLE()).collectAsList());
    model.setWeight(1);
    assertEquals(List.of(1.0, 1.0), model.transform(probes).select("p").as(Encoders.DOUBLE()).collectAsList());
  }

  @Test
  void savedInAPipelineItVotesAsBefore() throws Exception {
    List<Row> train = new ArrayList<>();
    for (int i = 0; i < TRAIN.length; i++) {
      train.add(RowFactory.create((double) LABELS[i], TRAIN[i], Vectors.dense(0, 0)));
    }
    PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {new NeighbourVote().setFeaturesCol("x")
        .setLabelCol("y").setRawPredictionCol("m").setPredictionCol("p").setNeighbours(2).setWeight(0.25)})
        .fit(spark.createDataFrame(train, SCHEMA));
    String path = scratch.resolve("neighbour-vote").toString();
    fitted.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    NeighbourVoteModel model = (NeighbourVoteModel) loaded.stages()[0];
    assertEquals(4, model.size());
    assertEquals(2, model.getOrDefault(model.neighbours()));
    assertEquals(0.25, model.getOrDefault(model.weight()));
    assertEquals("m", model.getOrDefault(model.rawPredictionCol()));
    Dataset<Row> probes = spark.createDataFrame(List.of(RowFactory.create(1.0, unit(0, 0.2, 1),
        Vectors.dense(0.1, 0)), RowFactory.create(0.0, unit(1, 0.3, 0), Vectors.dense(0, 0.2))), SCHEMA);
    List<Double> before = fitted.transform(probes).select("p").as(Encoders.DOUBLE()).collectAsList();
    assertEquals(List.of(1.0, 0.0), before);
    assertEquals(before, loaded.transform(probes).select("p").as(Encoders.DOUBLE()).collectAsList());
  }
}
