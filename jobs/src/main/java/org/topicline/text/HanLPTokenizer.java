package org.topicline.text;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML stage that segments a string column into an array of tokens with a {@link TextAnalyzer}. The segmenter
 * name, dictionary words and stop words are params, so a saved {@code PipelineModel} tokenises at scoring time
 * exactly as it did in training.
 *
 * <p>When the input already holds the output column (tokens read from {@code article_tokens}, which
 * {@link ArticleTokens#attach} adds only where they came from this same analyzer), its tokens are kept and only the
 * rows where it is null are segmented.
 */
public final class HanLPTokenizer extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> segmenter;
  private final org.apache.spark.ml.param.BooleanParam nameRecognition;
  private final org.apache.spark.ml.param.BooleanParam bundledDictionary;
  private final StringArrayParam dictionaryWords;
  private final StringArrayParam stopWords;

  public HanLPTokenizer(String uid) {
    // Params name their parent by uid, so they are built after it is set.
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "text column to segment");
    outputCol = new Param<>(this, "outputCol", "array<string> column of tokens");
    segmenter = new Param<>(this, "segmenter", "HanLP segmenter: viterbi, dijkstra, nshort");
    nameRecognition = new org.apache.spark.ml.param.BooleanParam(this, "nameRecognition",
        "whether HanLP recognises person names its dictionaries lack");
    bundledDictionary = new org.apache.spark.ml.param.BooleanParam(this, "bundledDictionary",
        "whether HanLP's bundled custom dictionaries are used");
    dictionaryWords = new StringArrayParam(this, "dictionaryWords", "custom dictionary words kept whole");
    stopWords = new StringArrayParam(this, "stopWords", "words dropped");
    setDefault(segmenter, "viterbi");
    // HanLP's own defaults: models saved before these params existed segmented with both.
    setDefault(nameRecognition, true);
    setDefault(bundledDictionary, true);
    setDefault(dictionaryWords, new String[0]);
    setDefault(stopWords, new String[0]);
  }

  public HanLPTokenizer() {
    this(Identifiable.randomUID("hanlpTok"));
  }

  /** A tokenizer that analyses like {@code analyzer}. */
  public static HanLPTokenizer of(TextAnalyzer analyzer) {
    return new HanLPTokenizer().setAnalyzer(analyzer);
  }

  public HanLPTokenizer setAnalyzer(TextAnalyzer analyzer) {
    set(segmenter, analyzer.segmenter());
    set(nameRecognition, analyzer.nameRecognition());
    set(bundledDictionary, analyzer.bundledDictionary());
    set(dictionaryWords, analyzer.dictionaryWords().toArray(String[]::new));
    set(stopWords, analyzer.stopWords().toArray(String[]::new));
    return this;
  }

  /** The analyzer these params describe. */
  public TextAnalyzer analyzer() {
    return new TextAnalyzer($(segmenter), (Boolean) $(nameRecognition), (Boolean) $(bundledDictionary),
        Arrays.asList($(dictionaryWords)), Arrays.asList($(stopWords)));
  }

  public HanLPTokenizer setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public HanLPTokenizer setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public Param<String> segmenter() {
    return segmenter;
  }

  public org.apache.spark.ml.param.BooleanParam nameRecognition() {
    return nameRecognition;
  }

  public org.apache.spark.ml.param.BooleanParam bundledDictionary() {
    return bundledDictionary;
  }

  public StringArrayParam dictionaryWords() {
    return dictionaryWords;
  }

  public StringArrayParam stopWords() {
    return stopWords;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    Column segmented = tokensUdf(analyzer()).apply(col($(inputCol)));
    // coalesce evaluates the segmenter only where the stored tokens are null.
    return dataset.withColumn($(outputCol), hasColumn(dataset.schema(), $(outputCol))
        ? coalesce(col($(outputCol)), segmented) : segmented);
  }

  /** The UDF carries only the analyzer value; each executor JVM builds its segmenter once, on first use. */
  static UserDefinedFunction tokensUdf(TextAnalyzer analyzer) {
    UDF1<String, List<String>> tokens = analyzer::tokens;
    return udf(tokens, DataTypes.createArrayType(DataTypes.StringType, false));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String in = $(inputCol);
    if (!Arrays.asList(schema.fieldNames()).contains(in)) {
      throw new IllegalArgumentException("input column " + in + " does not exist");
    }
    if (!schema.apply(in).dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("input column " + in + " must be a string, was "
          + schema.apply(in).dataType().simpleString());
    }
    if (hasColumn(schema, $(outputCol))) {
      DataType stored = schema.apply($(outputCol)).dataType();
      if (!(stored instanceof ArrayType a) || !a.elementType().equals(DataTypes.StringType)) {
        throw new IllegalArgumentException("output column " + $(outputCol) + " already exists and is not stored "
            + "tokens (array<string>) but " + stored.simpleString());
      }
      return schema;
    }
    return schema.add(new StructField($(outputCol),
        DataTypes.createArrayType(DataTypes.StringType, false), true, org.apache.spark.sql.types.Metadata.empty()));
  }

  private static boolean hasColumn(StructType schema, String name) {
    return Arrays.asList(schema.fieldNames()).contains(name);
  }

  @Override
  public HanLPTokenizer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<HanLPTokenizer> read() {
    return new DefaultParamsReader<>();
  }

  public static HanLPTokenizer load(String path) {
    return read().load(path);
  }
}
