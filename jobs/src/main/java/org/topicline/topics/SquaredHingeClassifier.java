package org.topicline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.SquaredL2Updater;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Linear one-vs-rest SVMs with the squared hinge loss and L2 regularisation (liblinear's L2-loss SVM, scikit-learn's
 * {@code LinearSVC} default), all classes fitted together by MLlib's L-BFGS. It minimises the mean over lines of
 * {@link SquaredHingeGradient}'s loss plus {@code regParam / 2} times the squared norm of all weights (scikit-learn's
 * {@code C} is {@code 1 / (lines * regParam)}); the intercepts are regularised too, as in liblinear.
 */
public final class SquaredHingeClassifier extends Estimator<SquaredHingeModel> {
  private static final long serialVersionUID = 1L;
  /** L-BFGS history size and relative loss change that stops it: Spark's logistic regression defaults. */
  private static final int CORRECTIONS = 10;
  private static final double TOLERANCE = 1e-6;

  private final String uid;
  private final Param<String> featuresCol;
  private final Param<String> labelCol;
  private final Param<String> predictionCol;
  private final Param<String> rawPredictionCol;
  private final DoubleParam regParam;
  private final IntParam maxIter;

  public SquaredHingeClassifier(String uid) {
    this.uid = uid;
    featuresCol = new Param<>(this, "featuresCol", "features vector column");
    labelCol = new Param<>(this, "labelCol", "label index column (0, 1, ...)");
    predictionCol = new Param<>(this, "predictionCol", "predicted label index column");
    rawPredictionCol = new Param<>(this, "rawPredictionCol", "column of every class's margin");
    regParam = new DoubleParam(this, "regParam", "L2 regularisation (>= 0)", ParamValidators.gtEq(0));
    maxIter = new IntParam(this, "maxIter", "L-BFGS iterations at most (> 0)", ParamValidators.gt(0));
    setDefault(featuresCol, "features");
    setDefault(labelCol, "label");
    setDefault(predictionCol, "prediction");
    setDefault(rawPredictionCol, "rawPrediction");
    setDefault(regParam, 1e-4);
    setDefault(maxIter, 100);
  }

  public SquaredHingeClassifier() {
    this(Identifiable.randomUID("sqHingeSvm"));
  }

  public SquaredHingeClassifier setFeaturesCol(String v) {
    set(featuresCol, v);
    return this;
  }

  public SquaredHingeClassifier setLabelCol(String v) {
    set(labelCol, v);
    return this;
  }

  public SquaredHingeClassifier setPredictionCol(String v) {
    set(predictionCol, v);
    return this;
  }

  public SquaredHingeClassifier setRawPredictionCol(String v) {
    set(rawPredictionCol, v);
    return this;
  }

  public SquaredHingeClassifier setRegParam(double v) {
    set(regParam, v);
    return this;
  }

  public SquaredHingeClassifier setMaxIter(int v) {
    set(maxIter, v);
    return this;
  }

  // Spark finds a stage's params by its public no-argument methods returning a Param.
  public Param<String> featuresCol() {
    return featuresCol;
  }

  public Param<String> labelCol() {
    return labelCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public Param<String> rawPredictionCol() {
    return rawPredictionCol;
  }

  public DoubleParam regParam() {
    return regParam;
  }

  public IntParam maxIter() {
    return maxIter;
  }

  public double getRegParam() {
    return (Double) $(regParam);
  }

  @Override
  public SquaredHingeModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    Dataset<Row> rows = dataset.select(col($(labelCol)).cast("double"), col($(featuresCol)));
    int numClasses = (int) rows.agg(max(col($(labelCol)))).first().getDouble(0) + 1;
    JavaRDD<Tuple2<Object, Vector>> data = rows.javaRDD()
        .map(r -> new Tuple2<Object, Vector>(r.getDouble(0), Vectors.fromML(r.getAs(1))))
        // L-BFGS passes over the lines once per iteration.
        .persist(StorageLevel.MEMORY_AND_DISK());
    int numFeatures = data.first()._2().size();
    Tuple2<Vector, double[]> fitted = LBFGS.runLBFGS(data.rdd(), new SquaredHingeGradient(numClasses),
        new SquaredL2Updater(), CORRECTIONS, TOLERANCE, (Integer) $(maxIter), getRegParam(),
        Vectors.zeros(numClasses * (numFeatures + 1)));
    data.unpersist(false);
    SquaredHingeModel model = new SquaredHingeModel(uid, numClasses, numFeatures, fitted._1().toArray(),
        // The loss history holds the starting point too.
        fitted._2().length - 1);
    model.setFeaturesCol($(featuresCol)).setPredictionCol($(predictionCol)).setRawPredictionCol($(rawPredictionCol));
    return model.setParent(this);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return SquaredHingeModel.withPrediction(schema, $(featuresCol), $(rawPredictionCol), $(predictionCol));
  }

  @Override
  public SquaredHingeClassifier copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }
}
