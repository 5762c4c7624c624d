package org.topicline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The fitted {@link SquaredHingeClassifier}: predicts the class whose linear scorer gives the largest margin, and
 * writes every class's margin to {@code rawPredictionCol} (as Spark's classifiers do) for stages that combine it
 * with other evidence, such as {@link NeighbourVote}. Saved
 * as Spark's own models are: params in {@code metadata/}, the weights as one Parquet row in {@code data/}.
 */
public final class SquaredHingeModel extends Model<SquaredHingeModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private static final StructType DATA = new StructType().add("numClasses", DataTypes.IntegerType, false)
      .add("numFeatures", DataTypes.IntegerType, false).add("weights", SQLDataTypes.VectorType(), false)
      .add("iterations", DataTypes.IntegerType, false);

  private final String uid;
  private final int numClasses;
  private final int numFeatures;
  /** Class c's coefficients, then its intercept, at {@code c * (numFeatures + 1)}. */
  private final double[] weights;
  private final int iterations;
  private final Param<String> featuresCol;
  private final Param<String> predictionCol;
  private final Param<String> rawPredictionCol;

  SquaredHingeModel(String uid, int numClasses, int numFeatures, double[] weights, int iterations) {
    if (weights.length != numClasses * (numFeatures + 1)) {
      throw new IllegalArgumentException("expected " + numClasses + " x (" + numFeatures + " + 1) weights, got "
          + weights.length);
    }
    this.uid = uid;
    this.numClasses = numClasses;
    this.numFeatures = numFeatures;
    this.weights = weights;
    this.iterations = iterations;
    featuresCol = new Param<>(this, "featuresCol", "features vector column");
    predictionCol = new Param<>(this, "predictionCol", "predicted label index column");
    rawPredictionCol = new Param<>(this, "rawPredictionCol", "column of every class's margin");
    setDefault(featuresCol, "features");
    setDefault(predictionCol, "prediction");
    setDefault(rawPredictionCol, "rawPrediction");
  }

  public SquaredHingeModel setFeaturesCol(String v) {
    set(featuresCol, v);
    return this;
  }

  public SquaredHingeModel setPredictionCol(String v) {
    set(predictionCol, v);
    return this;
  }

  public SquaredHingeModel setRawPredictionCol(String v) {
    set(rawPredictionCol, v);
    return this;
  }

  // Spark finds a stage's params by its public no-argument methods returning a Param.
  public Param<String> rawPredictionCol() {
    return rawPredictionCol;
  }

  public Param<String> featuresCol() {
    return featuresCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public int numClasses() {
    return numClasses;
  }

  /** L-BFGS iterations the fit took (at most the estimator's maxIter). */
  public int iterations() {
    return iterations;
  }

  /** Class c's margin on {@code x}: its coefficients' dot product plus its intercept. */
  public double margin(int c, Vector x) {
    return margin(weights, numFeatures, c, x.toSparse());
  }

  private static double margin(double[] weights, int numFeatures, int c, SparseVector s) {
    int offset = c * (numFeatures + 1);
    double m = weights[offset + numFeatures];
    int[] index = s.indices();
    double[] value = s.values();
    for (int k = 0; k < index.length; k++) {
      m += value[k] * weights[offset + index[k]];
    }
    return m;
  }

  /** The class with the largest margin (the lowest index on a tie). */
  public double predict(Vector x) {
    return argmax(margins(weights, numClasses, numFeatures, x));
  }

  private static double[] margins(double[] weights, int numClasses, int numFeatures, Vector x) {
    if (x.size() != numFeatures) {
      throw new IllegalArgumentException("expected " + numFeatures + " features, got " + x.size());
    }
    // Sparse once per line, not once per class.
    SparseVector s = x.toSparse();
    double[] m = new double[numClasses];
    for (int c = 0; c < numClasses; c++) {
      m[c] = margin(weights, numFeatures, c, s);
    }
    return m;
  }

  /** The index of the largest value, the lowest on a tie. */
  static int argmax(double[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      if (values[c] > values[best]) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    // The UDF holds the weights, not this model (whose params are not serialisable on their own).
    double[] w = weights;
    int classes = numClasses;
    int features = numFeatures;
    UDF1<Vector, Vector> margins = x -> Vectors.dense(margins(w, classes, features, x));
    UDF1<Vector, Double> predict = m -> (double) argmax(m.toArray());
    Dataset<Row> withMargins = dataset.withColumn($(rawPredictionCol),
        udf(margins, SQLDataTypes.VectorType()).apply(col($(featuresCol))));
    return withMargins.withColumn($(predictionCol),
        udf(predict, DataTypes.DoubleType).apply(col($(rawPredictionCol))));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return withPrediction(schema, $(featuresCol), $(rawPredictionCol), $(predictionCol));
  }

  static StructType withPrediction(StructType schema, String features, String rawPrediction, String prediction) {
    StageSchemas.requireVectors(schema, features);
    return StageSchemas.withNew(StageSchemas.withNew(schema, rawPrediction, SQLDataTypes.VectorType()), prediction,
        DataTypes.DoubleType);
  }

  @Override
  public SquaredHingeModel copy(ParamMap extra) {
    SquaredHingeModel copy = new SquaredHingeModel(uid, numClasses, numFeatures, weights, iterations);
    return copyValues(copy, extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  public static MLReader<SquaredHingeModel> read() {
    return new Reader();
  }

  public static SquaredHingeModel load(String path) {
    return read().load(path);
  }

  private static final class Writer extends MLWriter {
    private final SquaredHingeModel model;

    Writer(SquaredHingeModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
      Row row = RowFactory.create(model.numClasses, model.numFeatures, Vectors.dense(model.weights),
          model.iterations);
      sparkSession().createDataFrame(List.of(row), DATA).write().parquet(path + "/data");
    }
  }

  private static final class Reader extends MLReader<SquaredHingeModel> {
    @Override
    public SquaredHingeModel load(String path) {
      DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
          SquaredHingeModel.class.getName());
      Row r = sparkSession().read().parquet(path + "/data").first();
      Vector weights = r.getAs("weights");
      SquaredHingeModel model = new SquaredHingeModel(metadata.uid(), r.getAs("numClasses"), r.getAs("numFeatures"),
          weights.toArray(), r.getAs("iterations"));
      metadata.getAndSetParams(model, metadata.getAndSetParams$default$2());
      return model;
    }
  }
}
