package org.topicline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The fitted {@link NeighbourVote}: the training lines' labels and vectors, searched through an inverted index (term
 * to the lines that hold it), so a title meets only the lines that share one of its terms. Saved as Spark's own
 * models are: params in {@code metadata/}, one Parquet row per training line in {@code data/}.
 */
public final class NeighbourVoteModel extends Model<NeighbourVoteModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private static final StructType DATA = new StructType().add("label", DataTypes.IntegerType, false)
      .add("features", SQLDataTypes.VectorType(), false);

  private final String uid;
  private final int[] labels;
  private final Vector[] vectors;
  private final Param<String> featuresCol;
  private final Param<String> rawPredictionCol;
  private final Param<String> predictionCol;
  private final IntParam neighbours;
  private final DoubleParam weight;
  /** The index, built on first use and shipped to the executors once per model, not with every task. */
  private transient Broadcast<Index> broadcast;

  NeighbourVoteModel(String uid, int[] labels, Vector[] vectors) {
    if (labels.length != vectors.length) {
      throw new IllegalArgumentException(labels.length + " labels for " + vectors.length + " vectors");
    }
    this.uid = uid;
    this.labels = labels;
    this.vectors = vectors;
    featuresCol = new Param<>(this, "featuresCol", "L2-normalised features vector column");
    rawPredictionCol = new Param<>(this, "rawPredictionCol", "column of the classifier's margins, one per class");
    predictionCol = new Param<>(this, "predictionCol", "predicted label index column");
    neighbours = new IntParam(this, "neighbours", "training lines that vote (> 0)", ParamValidators.gt(0));
    weight = new DoubleParam(this, "weight", "weight of the votes beside the margins (>= 0)",
        ParamValidators.gtEq(0));
    setDefault(featuresCol, "features");
    setDefault(rawPredictionCol, "rawPrediction");
    setDefault(predictionCol, "prediction");
    setDefault(neighbours, 8);
    setDefault(weight, 0.25);
  }

  public NeighbourVoteModel setWeight(double v) {
    set(weight, v);
    return this;
  }

  // Spark finds a stage's params by its public no-argument methods returning a Param.
  public Param<String> featuresCol() {
    return featuresCol;
  }

  public Param<String> rawPredictionCol() {
    return rawPredictionCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public IntParam neighbours() {
    return neighbours;
  }

  public DoubleParam weight() {
    return weight;
  }

  /** Training lines the model votes with. */
  public int size() {
    return labels.length;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    if (broadcast == null) {
      broadcast = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext())
          .broadcast(new Index(labels, vectors));
    }
    // The UDF holds the broadcast and plain values, not this model (whose params are not serialisable on their own).
    Broadcast<Index> b = broadcast;
    int k = (Integer) $(neighbours);
    double w = (Double) $(weight);
    UDF2<Vector, Vector, Double> predict = (x, m) -> b.value().predict(x, m.toArray(), k, w);
    return dataset.withColumn($(predictionCol), udf(predict, DataTypes.DoubleType)
        .apply(col($(featuresCol)), col($(rawPredictionCol))));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return withPrediction(schema, $(featuresCol), $(rawPredictionCol), $(predictionCol));
  }

  static StructType withPrediction(StructType schema, String features, String rawPrediction, String prediction) {
    StageSchemas.requireVectors(schema, features, rawPrediction);
    return StageSchemas.withNew(schema, prediction, DataTypes.DoubleType);
  }

  @Override
  public NeighbourVoteModel copy(ParamMap extra) {
    NeighbourVoteModel copy = new NeighbourVoteModel(uid, labels, vectors);
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

  public static MLReader<NeighbourVoteModel> read() {
    return new Reader();
  }

  public static NeighbourVoteModel load(String path) {
    return read().load(path);
  }

  /**
   * The training lines by term: for term t, the lines holding it are {@code rows[start[t] .. start[t + 1])} with its
   * weights in {@code values}. A line's similarity to every training line is then one pass over its own terms' lists.
   */
  static final class Index implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] labels;
    private final int numFeatures;
    private final int[] start;
    private final int[] rows;
    private final double[] values;

    Index(int[] labels, Vector[] vectors) {
      this.labels = labels;
      numFeatures = vectors.length == 0 ? 0 : vectors[0].size();
      start = new int[numFeatures + 1];
      SparseVector[] sparse = new SparseVector[vectors.length];
      for (int i = 0; i < vectors.length; i++) {
        if (vectors[i].size() != numFeatures) {
          throw new IllegalArgumentException("training line " + i + " has " + vectors[i].size()
              + " features, expected " + numFeatures);
        }
        sparse[i] = vectors[i].toSparse();
        for (int t : sparse[i].indices()) {
          start[t + 1]++;
        }
      }
      for (int t = 0; t < numFeatures; t++) {
        start[t + 1] += start[t];
      }
      rows = new int[start[numFeatures]];
      values = new double[rows.length];
      int[] next = Arrays.copyOf(start, numFeatures);
      for (int i = 0; i < sparse.length; i++) {
        int[] terms = sparse[i].indices();
        double[] v = sparse[i].values();
        for (int j = 0; j < terms.length; j++) {
          rows[next[terms[j]]] = i;
          values[next[terms[j]]++] = v[j];
        }
      }
    }

    /** The class with the largest {@code margin + weight * vote} (the lowest index on a tie). */
    double predict(Vector features, double[] margins, int k, double weight) {
      double[] votes = votes(features, k, margins.length);
      double[] scores = new double[margins.length];
      for (int c = 0; c < scores.length; c++) {
        scores[c] = margins[c] + weight * votes[c];
      }
      return SquaredHingeModel.argmax(scores);
    }

    /**
     * The k training lines most similar to {@code features} (the earlier line on a tie; only lines sharing a term)
     * vote for their classes with their similarities, scaled to sum to 1; all zero when no line shares a term.
     */
    double[] votes(Vector features, int k, int numClasses) {
      if (features.size() != numFeatures) {
        throw new IllegalArgumentException("expected " + numFeatures + " features, got " + features.size());
      }
      double[] similarity = new double[labels.length];
      boolean[] seen = new boolean[labels.length];
      int[] touched = new int[labels.length];
      int count = 0;
      SparseVector x = features.toSparse();
      int[] terms = x.indices();
      double[] weights = x.values();
      for (int j = 0; j < terms.length; j++) {
        for (int p = start[terms[j]]; p < start[terms[j] + 1]; p++) {
          if (!seen[rows[p]]) {
            seen[rows[p]] = true;
            touched[count++] = rows[p];
          }
          similarity[rows[p]] += weights[j] * values[p];
        }
      }
      // The k best, kept sorted by similarity (then line) in a small array: k is a handful.
      int[] best = new int[Math.min(k, count)];
      int found = 0;
      for (int i = 0; i < count; i++) {
        int row = touched[i];
        double s = similarity[row];
        if (s <= 0) {
          continue;
        }
        int at = found;
        while (at > 0 && (similarity[best[at - 1]] < s || similarity[best[at - 1]] == s && best[at - 1] > row)) {
          at--;
        }
        if (at < best.length) {
          System.arraycopy(best, at, best, at + 1, Math.min(found, best.length - 1) - at);
          best[at] = row;
          found = Math.min(found + 1, best.length);
        }
      }
      double[] votes = new double[numClasses];
      double total = 0;
      for (int i = 0; i < found; i++) {
        int label = labels[best[i]];
        if (label < numClasses) {
          votes[label] += similarity[best[i]];
        }
        total += similarity[best[i]];
      }
      for (int c = 0; total > 0 && c < numClasses; c++) {
        votes[c] /= total;
      }
      return votes;
    }
  }

  private static final class Writer extends MLWriter {
    private final NeighbourVoteModel model;

    Writer(NeighbourVoteModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
      List<Row> rows = new ArrayList<>(model.labels.length);
      for (int i = 0; i < model.labels.length; i++) {
        rows.add(RowFactory.create(model.labels[i], model.vectors[i]));
      }
      sparkSession().createDataFrame(rows, DATA).write().parquet(path + "/data");
    }
  }

  private static final class Reader extends MLReader<NeighbourVoteModel> {
    @Override
    public NeighbourVoteModel load(String path) {
      DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
          NeighbourVoteModel.class.getName());
      List<Row> rows = sparkSession().read().parquet(path + "/data").collectAsList();
      int[] labels = new int[rows.size()];
      Vector[] vectors = new Vector[rows.size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = rows.get(i).getAs("label");
        vectors[i] = rows.get(i).getAs("features");
      }
      NeighbourVoteModel model = new NeighbourVoteModel(metadata.uid(), labels, vectors);
      metadata.getAndSetParams(model, metadata.getAndSetParams$default$2());
      return model;
    }
  }
}
