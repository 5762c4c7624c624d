package org.topicline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The fitted {@link TopicVectorizer}: adds the features column (see {@link TfIdfBlocks}). Saved as Spark ML metadata
 * plus one Parquet row per term (block, index, term, idf), so a loaded model vectorises exactly as the fitted one.
 */
public final class TopicVectorizerModel extends Model<TopicVectorizerModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private static final String DATA = "data";

  private final String uid;
  private final TfIdfBlocks blocks;
  final Param<String> headlineCol;
  final Param<String> bodyCol;
  final Param<String> outputCol;

  public TopicVectorizerModel(String uid, TfIdfBlocks blocks) {
    this.uid = uid;
    this.blocks = blocks;
    headlineCol = new Param<>(this, "headlineCol", "array<string> column of the headline's words");
    bodyCol = new Param<>(this, "bodyCol", "array<string> column of the body's words");
    outputCol = new Param<>(this, "outputCol", "vector column of the features");
  }

  public TfIdfBlocks blocks() {
    return blocks;
  }

  public Param<String> headlineCol() {
    return headlineCol;
  }

  public Param<String> bodyCol() {
    return bodyCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    // The vocabulary goes to each executor once, not in every task.
    Broadcast<TfIdfBlocks> b = dataset.sparkSession().sparkContext()
        .broadcast(blocks, scala.reflect.ClassTag$.MODULE$.apply(TfIdfBlocks.class));
    UDF2<Seq<String>, Seq<String>, Vector> vectorise = (h, body) -> b.value().vector(list(h), list(body));
    return dataset.withColumn($(outputCol),
        udf(vectorise, SQLDataTypes.VectorType()).apply(col($(headlineCol)), col($(bodyCol))));
  }

  private static List<String> list(Seq<String> s) {
    return s == null ? null : CollectionConverters.asJava(s);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema, $(headlineCol), $(bodyCol), $(outputCol));
  }

  static StructType outputSchema(StructType schema, String headline, String body, String output) {
    for (String c : List.of(headline, body)) {
      if (!Arrays.asList(schema.fieldNames()).contains(c)) {
        throw new IllegalArgumentException("input column " + c + " does not exist");
      }
      if (!(schema.apply(c).dataType() instanceof ArrayType a) || !a.elementType().equals(DataTypes.StringType)) {
        throw new IllegalArgumentException("input column " + c + " must be array<string>, was "
            + schema.apply(c).dataType().simpleString());
      }
    }
    if (Arrays.asList(schema.fieldNames()).contains(output)) {
      throw new IllegalArgumentException("output column " + output + " already exists");
    }
    return schema.add(new StructField(output, SQLDataTypes.VectorType(), true,
        org.apache.spark.sql.types.Metadata.empty()));
  }

  @Override
  public TopicVectorizerModel copy(ParamMap extra) {
    return copyValues(new TopicVectorizerModel(uid, blocks), extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  public static MLReader<TopicVectorizerModel> read() {
    return new Reader();
  }

  public static TopicVectorizerModel load(String path) {
    return read().load(path);
  }

  private static final StructType DATA_SCHEMA = new StructType()
      .add("block", DataTypes.StringType, false)
      .add("index", DataTypes.IntegerType, false)
      .add("term", DataTypes.StringType, false)
      .add("idf", DataTypes.DoubleType, false);

  private static final class Writer extends MLWriter {
    private final TopicVectorizerModel model;

    Writer(TopicVectorizerModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      SparkSession spark = sparkSession();
      // Whether body bigrams are terms belongs to the fitted vocabulary, not to a param: it goes in the metadata.
      scala.Tuple2<String, org.json4s.JValue> bigrams = new scala.Tuple2<>("bodyBigrams",
          org.json4s.JBool$.MODULE$.apply(model.blocks.bodyBigrams()));
      org.json4s.JObject extra = org.json4s.JObject$.MODULE$.apply(
          CollectionConverters.asScala(List.of(bigrams)).toList());
      DefaultParamsWriter.saveMetadata(model, path, spark, scala.Option.apply(extra));
      List<Row> rows = new ArrayList<>(model.blocks.size());
      TfIdfBlocks b = model.blocks;
      for (int i = 0; i < b.headlineTerms().length; i++) {
        rows.add(RowFactory.create("headline", i, b.headlineTerms()[i], b.headlineIdf()[i]));
      }
      for (int i = 0; i < b.bodyTerms().length; i++) {
        rows.add(RowFactory.create("body", i, b.bodyTerms()[i], b.bodyIdf()[i]));
      }
      spark.createDataFrame(rows, DATA_SCHEMA).repartition(1).write().parquet(path + "/" + DATA);
    }
  }

  private static final class Reader extends MLReader<TopicVectorizerModel> {
    @Override
    public TopicVectorizerModel load(String path) {
      SparkSession spark = sparkSession();
      DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, spark,
          TopicVectorizerModel.class.getName());
      boolean bigrams;
      try {
        bigrams = new com.fasterxml.jackson.databind.ObjectMapper().readTree(meta.metadataJson())
            .path("bodyBigrams").asBoolean(false);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read the metadata of " + path, e);
      }
      List<Row> rows = spark.read().parquet(path + "/" + DATA).orderBy("block", "index").collectAsList();
      List<String> hTerms = new ArrayList<>();
      List<Double> hIdf = new ArrayList<>();
      List<String> bTerms = new ArrayList<>();
      List<Double> bIdf = new ArrayList<>();
      for (Row r : rows) {
        boolean headline = r.getString(0).equals("headline");
        (headline ? hTerms : bTerms).add(r.getString(2));
        (headline ? hIdf : bIdf).add(r.getDouble(3));
      }
      TfIdfBlocks blocks = new TfIdfBlocks(hTerms.toArray(String[]::new),
          hIdf.stream().mapToDouble(Double::doubleValue).toArray(), bTerms.toArray(String[]::new),
          bIdf.stream().mapToDouble(Double::doubleValue).toArray(), bigrams);
      TopicVectorizerModel model = new TopicVectorizerModel(meta.uid(), blocks);
      meta.getAndSetParams(model, scala.Option.empty());
      return model;
    }
  }
}
