package org.topicline.topics;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.topicline.io.DataPaths;
import org.topicline.io.JobResult;
import org.topicline.text.HanLPTokenizer;
import org.topicline.text.TextAnalyzer;

/**
 * {@code train --labels FILE --test FILE}: supervised multi-class text classification (THUCNews titles format,
 * {@code text<TAB>label} per line). Features are HanLP words plus character 1-3-grams, TF-IDF, L2-normalised; the
 * classifier a multinomial logistic regression. Prints the accuracy on the test file.
 */
public final class ThucnewsJob {
  public record Options(String train, String test, String modelsDir, TextAnalyzer analyzer,
      TopicSettings.TrainSettings settings) {}

  public record Result(long trainRows, long testRows, double accuracy, double macroF1, String savedTo)
      implements JobResult {
    @Override
    public String summary() {
      return String.format("train --labels: %d training lines, %d test lines: accuracy %.4f, macro-F1 %.4f%s",
          trainRows, testRows, accuracy, macroF1, savedTo == null ? "" : "; model saved to " + savedTo);
    }
  }

  private ThucnewsJob() {}

  public static Dataset<Row> read(SparkSession spark, String path) {
    List<Row> rows = new ArrayList<>();
    String[] lines = DataPaths.readText(spark, path).split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int tab = lines[i].lastIndexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException(path + ":" + (i + 1) + ": expected text<TAB>label");
      }
      rows.add(org.apache.spark.sql.RowFactory.create(lines[i].substring(0, tab), lines[i].substring(tab + 1).strip()));
    }
    var schema = new org.apache.spark.sql.types.StructType().add("text", DataTypes.StringType)
        .add("label_name", DataTypes.StringType);
    return spark.createDataFrame(rows, schema);
  }

  public static Pipeline pipeline(TextAnalyzer analyzer, double regParam, int maxIter) {
    List<PipelineStage> s = new ArrayList<>();
    s.add(new org.apache.spark.ml.feature.StringIndexer().setInputCol("label_name").setOutputCol("label"));
    s.add(HanLPTokenizer.of(analyzer).setInputCol("text").setOutputCol("words"));
    s.add(new SQLTransformer().setStatement(
        "SELECT *, lower(regexp_replace(text, '\\\\s+', '')) AS tl_chars_text FROM __THIS__"));
    s.add(new RegexTokenizer().setInputCol("tl_chars_text").setOutputCol("chars").setPattern("").setGaps(true)
        .setToLowercase(false));
    s.add(new NGram().setN(2).setInputCol("chars").setOutputCol("char2"));
    s.add(new NGram().setN(3).setInputCol("chars").setOutputCol("char3"));
    s.add(new SQLTransformer().setStatement(
        "SELECT *, concat(words, transform(chars, c -> concat('c:', c)), char2, char3) AS terms FROM __THIS__"));
    s.add(new CountVectorizer().setInputCol("terms").setOutputCol("tf").setMinDF(1));
    s.add(new IDF().setInputCol("tf").setOutputCol("tfidf"));
    s.add(new Normalizer().setInputCol("tfidf").setOutputCol("features"));
    s.add(new LogisticRegression().setFamily("multinomial").setRegParam(regParam).setElasticNetParam(0)
        .setStandardization(false).setMaxIter(maxIter));
    return new Pipeline().setStages(s.toArray(PipelineStage[]::new));
  }

  public static Result run(SparkSession spark, Options o) {
    Dataset<Row> train = read(spark, o.train()).cache();
    Dataset<Row> test = read(spark, o.test()).cache();
    PipelineModel model = pipeline(o.analyzer(), o.settings().supervisedRegParam(), o.settings().maxIter())
        .fit(train);
    Dataset<Row> predicted = model.transform(test).select(col("label"), col("prediction")).cache();
    List<Row> rows = predicted.collectAsList();
    int classes = 0;
    for (Row r : rows) {
      classes = Math.max(classes, (int) Math.max(r.getDouble(0), r.getDouble(1)) + 1);
    }
    long[] tp = new long[classes];
    long[] fp = new long[classes];
    long[] fn = new long[classes];
    long correct = 0;
    for (Row r : rows) {
      int g = (int) r.getDouble(0);
      int p = (int) r.getDouble(1);
      if (g == p) {
        correct++;
        tp[g]++;
      } else {
        fp[p]++;
        fn[g]++;
      }
    }
    double macro = 0;
    for (int c = 0; c < classes; c++) {
      double denom = 2.0 * tp[c] + fp[c] + fn[c];
      macro += denom == 0 ? 0 : 2.0 * tp[c] / denom;
    }
    String saved = null;
    if (o.modelsDir() != null) {
      saved = TopicModel.versionDir(o.modelsDir(), "supervised-" + System.currentTimeMillis());
      try {
        model.write().overwrite().save(saved);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return new Result(train.count(), rows.size(), (double) correct / rows.size(), macro / classes, saved);
  }
}
