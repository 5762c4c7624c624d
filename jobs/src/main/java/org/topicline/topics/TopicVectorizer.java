package org.topicline.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Fits the topic models' features in one pass over the tokens: the vocabularies of the headline and the body (terms
 * in at least {@code minDocFreq} articles, the most frequent first, at most {@code headlineVocabSize} and
 * {@code bodyVocabSize}) and their inverse document frequencies. See {@link TfIdfBlocks} for the vector.
 *
 * <p>Only the vocabularies reach the driver: document frequencies are summed on the executors and the kept terms
 * taken in order from there.
 */
public final class TopicVectorizer extends Estimator<TopicVectorizerModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  /** Key of the document count among the term counts (no token holds a control character). */
  private static final String DOCUMENTS = "\u0000documents";
  private static final char HEADLINE = 'h';
  private static final char BODY = 'b';

  private final String uid;
  final Param<String> headlineCol;
  final Param<String> bodyCol;
  final Param<String> outputCol;
  final IntParam headlineVocabSize;
  final IntParam bodyVocabSize;
  final IntParam minDocFreq;
  final BooleanParam bodyBigrams;

  public TopicVectorizer(String uid) {
    this.uid = uid;
    headlineCol = new Param<>(this, "headlineCol", "array<string> column of the headline's words");
    bodyCol = new Param<>(this, "bodyCol", "array<string> column of the body's words");
    outputCol = new Param<>(this, "outputCol", "vector column of the features");
    headlineVocabSize = new IntParam(this, "headlineVocabSize", "most headline terms kept",
        ParamValidators.gt(0));
    bodyVocabSize = new IntParam(this, "bodyVocabSize", "most body terms kept", ParamValidators.gt(0));
    minDocFreq = new IntParam(this, "minDocFreq", "articles a term must appear in to be kept",
        ParamValidators.gtEq(1));
    bodyBigrams = new BooleanParam(this, "bodyBigrams", "body terms include pairs of neighbouring words");
    setDefault(headlineVocabSize, 1 << 16);
    setDefault(bodyVocabSize, 1 << 18);
    setDefault(minDocFreq, 1);
    setDefault(bodyBigrams, false);
  }

  public TopicVectorizer() {
    this(Identifiable.randomUID("topicVec"));
  }

  public TopicVectorizer setHeadlineCol(String v) {
    set(headlineCol, v);
    return this;
  }

  public TopicVectorizer setBodyCol(String v) {
    set(bodyCol, v);
    return this;
  }

  public TopicVectorizer setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public TopicVectorizer setHeadlineVocabSize(int v) {
    set(headlineVocabSize, v);
    return this;
  }

  public TopicVectorizer setBodyVocabSize(int v) {
    set(bodyVocabSize, v);
    return this;
  }

  public TopicVectorizer setMinDocFreq(int v) {
    set(minDocFreq, v);
    return this;
  }

  public TopicVectorizer setBodyBigrams(boolean v) {
    set(bodyBigrams, v);
    return this;
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

  public IntParam headlineVocabSize() {
    return headlineVocabSize;
  }

  public IntParam bodyVocabSize() {
    return bodyVocabSize;
  }

  public IntParam minDocFreq() {
    return minDocFreq;
  }

  public BooleanParam bodyBigrams() {
    return bodyBigrams;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public TopicVectorizerModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    boolean bigrams = (Boolean) $(bodyBigrams);
    int min = (Integer) $(minDocFreq);
    // Per term (prefixed by its block): documents holding it, and occurrences.
    JavaPairRDD<String, long[]> counts = dataset.select($(headlineCol), $(bodyCol)).toDF().javaRDD()
        .mapPartitionsToPair(rows -> countTerms(rows, bigrams)).reduceByKey(TopicVectorizer::add);
    counts.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      List<long[]> docs = counts.lookup(DOCUMENTS);
      long n = docs.isEmpty() ? 0 : docs.get(0)[0];
      Tuple2<String[], double[]> headline = vocabulary(counts, HEADLINE, min, (Integer) $(headlineVocabSize), n);
      Tuple2<String[], double[]> body = vocabulary(counts, BODY, min, (Integer) $(bodyVocabSize), n);
      TfIdfBlocks blocks = new TfIdfBlocks(headline._1(), headline._2(), body._1(), body._2(), bigrams);
      TopicVectorizerModel model = new TopicVectorizerModel(uid, blocks);
      return copyValues(model.setParent(this), ParamMap.empty());
    } finally {
      counts.unpersist(false);
    }
  }

  private static Iterator<Tuple2<String, long[]>> countTerms(Iterator<Row> rows, boolean bigrams) {
    Map<String, long[]> counts = new HashMap<>();
    long documents = 0;
    Set<String> seen = new HashSet<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      documents++;
      seen.clear();
      if (!r.isNullAt(0)) {
        for (String w : r.<String>getList(0)) {
          count(counts, seen, HEADLINE + w);
        }
      }
      if (!r.isNullAt(1)) {
        TfIdfBlocks.forEachBodyTerm(r.getList(1), bigrams, w -> count(counts, seen, BODY + w));
      }
    }
    List<Tuple2<String, long[]>> out = new ArrayList<>(counts.size() + 1);
    counts.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
    out.add(new Tuple2<>(DOCUMENTS, new long[] {documents, documents}));
    return out.iterator();
  }

  private static void count(Map<String, long[]> counts, Set<String> seen, String key) {
    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
    if (seen.add(key)) {
      c[0]++;
    }
    c[1]++;
  }

  private static long[] add(long[] a, long[] b) {
    return new long[] {a[0] + b[0], a[1] + b[1]};
  }

  /** The block's kept terms, most frequent first (ties by term, so a fit is reproducible), and their idf. */
  private static Tuple2<String[], double[]> vocabulary(JavaPairRDD<String, long[]> counts, char block, int minDf,
      int size, long documents) {
    List<Tuple2<String, long[]>> kept = counts
        .filter(t -> t._1().charAt(0) == block && t._2()[0] >= minDf)
        .takeOrdered(size, new ByFrequency());
    String[] terms = new String[kept.size()];
    double[] idf = new double[kept.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = kept.get(i)._1().substring(1);
      idf[i] = TfIdfBlocks.idf(documents, kept.get(i)._2()[0]);
    }
    return new Tuple2<>(terms, idf);
  }

  /** Occurrences descending, then term ascending. */
  private static final class ByFrequency implements Comparator<Tuple2<String, long[]>>, java.io.Serializable {
    @Override
    public int compare(Tuple2<String, long[]> a, Tuple2<String, long[]> b) {
      int c = Long.compare(b._2()[1], a._2()[1]);
      return c != 0 ? c : a._1().compareTo(b._1());
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return TopicVectorizerModel.outputSchema(schema, $(headlineCol), $(bodyCol), $(outputCol));
  }

  @Override
  public TopicVectorizer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<TopicVectorizer> read() {
    return new DefaultParamsReader<>();
  }

  public static TopicVectorizer load(String path) {
    return read().load(path);
  }
}
