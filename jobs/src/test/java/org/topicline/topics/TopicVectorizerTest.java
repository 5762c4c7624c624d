package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;

class TopicVectorizerTest extends SparkTestBase {
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.IntegerType)
      .add("h", DataTypes.createArrayType(DataTypes.StringType))
      .add("b", DataTypes.createArrayType(DataTypes.StringType));

  private static Dataset<Row> docs() {
    List<Row> rows = List.of(
        RowFactory.create(1, List.of("数字政府", "建设"), List.of("推进", "一网通办", "一网通办", "改革")),
        RowFactory.create(2, List.of("氢能", "产业"), List.of("建设", "加氢站", "氢能", "产业", "氢能")),
        RowFactory.create(3, List.of("党史学习教育"), List.of("推进", "党史学习教育", "建设")),
        RowFactory.create(4, List.of("建设"), List.of("推进", "建设", "改革", "改革", "改革", "改革")),
        RowFactory.create(5, List.of(), List.of("推进")),
        RowFactory.create(6, null, null));
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static TopicVectorizer vectorizer() {
    return new TopicVectorizer().setHeadlineCol("h").setBodyCol("b").setOutputCol("features");
  }

  /** Feature values by term (headline terms prefixed), per document id. */
  private static Map<Integer, Map<String, Double>> byTerm(Dataset<Row> out, List<String> terms) {
    Map<Integer, Map<String, Double>> m = new HashMap<>();
    for (Row r : out.select("id", "features").collectAsList()) {
      Map<String, Double> v = new HashMap<>();
      org.apache.spark.ml.linalg.SparseVector sv = r.<Vector>getAs(1).toSparse();
      for (int k = 0; k < sv.indices().length; k++) {
        if (sv.values()[k] != 0) {
          v.put(terms.get(sv.indices()[k]), sv.values()[k]);
        }
      }
      m.put(r.getInt(0), v);
    }
    return m;
  }

  private static List<String> terms(TfIdfBlocks b) {
    List<String> t = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      t.add(b.term(i, "h:"));
    }
    return t;
  }

  /** The same numbers as Spark's CountVectorizer, IDF, Normalizer and VectorAssembler in a row, per block. */
  @Test
  void equalsSparksFeatureStages() {
    TopicVectorizerModel ours = vectorizer().setMinDocFreq(1).fit(docs());
    Dataset<Row> filled = docs().na().drop();
    Pipeline spark = new Pipeline().setStages(new PipelineStage[] {
        new CountVectorizer().setInputCol("h").setOutputCol("htf"), new IDF().setInputCol("htf").setOutputCol("hi"),
        new Normalizer().setInputCol("hi").setOutputCol("hn"),
        new CountVectorizer().setInputCol("b").setOutputCol("btf"), new IDF().setInputCol("btf").setOutputCol("bi"),
        new Normalizer().setInputCol("bi").setOutputCol("bn"),
        new VectorAssembler().setInputCols(new String[] {"hn", "bn"}).setOutputCol("features")});
    // Spark's stages cannot take the null row; ours fit it as a document without words, so fit both on the same.
    PipelineModel theirs = spark.fit(filled);
    TopicVectorizerModel oursFilled = vectorizer().setMinDocFreq(1).fit(filled);
    List<String> sparkTerms = new ArrayList<>();
    for (int i : new int[] {0, 3}) {
      CountVectorizerModel cv = (CountVectorizerModel) theirs.stages()[i];
      for (String w : cv.vocabulary()) {
        sparkTerms.add(i == 0 ? "h:" + w : w);
      }
    }
    Map<Integer, Map<String, Double>> expected = byTerm(theirs.transform(filled), sparkTerms);
    Map<Integer, Map<String, Double>> actual = byTerm(oursFilled.transform(filled),
        terms(oursFilled.blocks()));
    assertEquals(expected.keySet(), actual.keySet());
    for (int id : expected.keySet()) {
      assertEquals(expected.get(id).keySet(), actual.get(id).keySet(), "terms of " + id);
      for (String t : expected.get(id).keySet()) {
        assertEquals(expected.get(id).get(t), actual.get(id).get(t), 1e-12, t + " in " + id);
      }
    }
    assertEquals(ours.blocks().size(), oursFilled.blocks().size(), "a row without words adds no terms");
  }

  @Test
  void keepsTermsInEnoughDocumentsMostFrequentFirst() {
    TfIdfBlocks b = vectorizer().setMinDocFreq(2).setBodyVocabSize(2).fit(docs()).blocks();
    assertEquals(List.of("建设"), List.of(b.headlineTerms()), "the only headline word in two documents");
    // Body words in at least two documents: 改革 (5 times in 2), 推进 (4 in 4), 建设 (3 in 3): the two most
    // frequent are kept, ordered by occurrences, not by documents.
    assertEquals(List.of("改革", "推进"), List.of(b.bodyTerms()));
    assertEquals(TfIdfBlocks.idf(6, 2), b.bodyIdf()[0], 1e-12, "six documents, the null row included");
    assertEquals(TfIdfBlocks.idf(6, 4), b.bodyIdf()[1], 1e-12);
  }

  @Test
  void bodyBigramsAreTerms() {
    TfIdfBlocks b = vectorizer().setBodyBigrams(true).fit(docs()).blocks();
    assertTrue(List.of(b.bodyTerms()).contains("一网通办 改革"), List.of(b.bodyTerms()).toString());
    assertTrue(!List.of(b.headlineTerms()).contains("数字政府 建设"), "headlines have no bigrams");
  }

  @Test
  void savedModelVectorisesLikeTheFittedOne() throws Exception {
    TopicVectorizerModel model = vectorizer().setBodyBigrams(true).fit(docs());
    String path = newDir("vec").resolve("model").toString();
    new PipelineModel("p", new org.apache.spark.ml.Transformer[] {model}).write().overwrite().save(path);
    TopicVectorizerModel back = (TopicVectorizerModel) PipelineModel.load(path).stages()[0];
    assertTrue(back.blocks().bodyBigrams());
    assertEquals(List.of(model.blocks().bodyTerms()), List.of(back.blocks().bodyTerms()));
    assertEquals(model.transform(docs()).select("features").collectAsList(),
        back.transform(docs()).select("features").collectAsList());
  }

  @Test
  void headlineAndBodyBlocksAreEachUnitLength() {
    TopicVectorizerModel model = vectorizer().fit(docs());
    int headline = model.blocks().headlineTerms().length;
    for (Row r : model.transform(docs()).select("id", "features", "h", "b").collectAsList()) {
      double[] norms = new double[2];
      org.apache.spark.ml.linalg.SparseVector sv = r.<Vector>getAs(1).toSparse();
      for (int k = 0; k < sv.indices().length; k++) {
        norms[sv.indices()[k] < headline ? 0 : 1] += sv.values()[k] * sv.values()[k];
      }
      for (int block = 0; block < 2; block++) {
        // Every term of these documents is in the vocabulary with a positive IDF: an empty block is an empty list.
        boolean empty = r.isNullAt(2 + block) || r.getList(2 + block).isEmpty();
        assertEquals(empty ? 0 : 1, norms[block], 1e-12, "block " + block + " of document " + r.getInt(0));
      }
    }
  }

  @Test
  void rejectsColumnsThatAreNotWords() {
    Dataset<Row> bad = docs().selectExpr("id", "h", "'text' AS b");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vectorizer().fit(bad));
    assertTrue(e.getMessage().contains("b must be array<string>"), e.getMessage());
  }
}
