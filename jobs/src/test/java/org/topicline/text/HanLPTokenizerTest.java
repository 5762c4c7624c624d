package org.topicline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;

class HanLPTokenizerTest extends SparkTestBase {
  private static final TextAnalyzer ANALYZER =
      new TextAnalyzer("viterbi", List.of("一网通办", "加氢站"), List.of("的"));

  private static Dataset<Row> texts() {
    return spark.createDataset(List.of("推进一网通办的改革", "建设加氢站", ""), Encoders.STRING()).toDF("text");
  }

  private static List<List<String>> tokens(Dataset<Row> out, String col) {
    return out.select(col).collectAsList().stream().map(r -> r.<String>getList(0)).toList();
  }

  @Test
  void tokenisesAColumn() {
    HanLPTokenizer tok = HanLPTokenizer.of(ANALYZER).setInputCol("text").setOutputCol("tokens");
    assertEquals(List.of(List.of("推进", "一网通办", "改革"), List.of("建设", "加氢站"), List.of()),
        tokens(tok.transform(texts()), "tokens"));
  }

  @Test
  void savedPipelineTokenisesLikeTheOriginal() throws Exception {
    HanLPTokenizer tok = HanLPTokenizer.of(ANALYZER).setInputCol("text").setOutputCol("tokens");
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {tok}).fit(texts());
    String path = newDir("tok").resolve("model").toString();
    model.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    HanLPTokenizer back = (HanLPTokenizer) loaded.stages()[0];
    assertEquals(ANALYZER.dictionaryHash(), back.analyzer().dictionaryHash());
    assertEquals(tokens(model.transform(texts()), "tokens"), tokens(loaded.transform(texts()), "tokens"));
  }

  @Test
  void segmenterSettingsTravelWithTheSavedStage() throws Exception {
    for (boolean names : new boolean[] {true, false}) {
      TextAnalyzer a = new TextAnalyzer("viterbi", names, !names, List.of("一网通办"), List.of());
      HanLPTokenizer tok = HanLPTokenizer.of(a).setInputCol("text").setOutputCol("tokens");
      String path = newDir("names").resolve("tok").toString();
      tok.write().overwrite().save(path);
      TextAnalyzer back = HanLPTokenizer.load(path).analyzer();
      assertEquals(names, back.nameRecognition());
      assertEquals(!names, back.bundledDictionary());
      assertEquals(a.dictionaryHash(), back.dictionaryHash());
    }
  }

  @Test
  void keepsStoredTokensAndSegmentsOnlyTheRowsWithout() {
    Dataset<Row> withStored = texts().selectExpr("text",
        "CASE WHEN text = '建设加氢站' THEN array('stored') ELSE CAST(NULL AS array<string>) END AS tokens");
    HanLPTokenizer tok = HanLPTokenizer.of(ANALYZER).setInputCol("text").setOutputCol("tokens");
    assertEquals(List.of(List.of("推进", "一网通办", "改革"), List.of("stored"), List.of()),
        tokens(tok.transform(withStored), "tokens"));
    assertThrows(IllegalArgumentException.class,
        () -> tok.transform(texts().selectExpr("text", "1 AS tokens")), "an output column that is not tokens");
  }

  @Test
  void rejectsAMissingInputColumn() {
    HanLPTokenizer tok = HanLPTokenizer.of(ANALYZER).setInputCol("nope").setOutputCol("tokens");
    assertThrows(IllegalArgumentException.class, () -> tok.transform(texts()));
  }
}
