package org.topicline.topics;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vectors;

/**
 * The fitted state of {@link TopicVectorizer}: the headline's and the body's vocabularies with their inverse
 * document frequencies. An article becomes one vector: the headline's L2-normalised TF-IDF block, then the body's,
 * so a word in the headline has its own, larger weight.
 *
 * <p>The same numbers as Spark's CountVectorizer (raw counts), IDF (ln((n + 1) / (df + 1))), Normalizer and
 * VectorAssembler in a row, in one pass and with a Java hash map for the lookup (Spark's vocabulary is a Scala
 * immutable map, which was most of the scoring stage's time).
 */
public final class TfIdfBlocks implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] headlineTerms;
  private final double[] headlineIdf;
  private final String[] bodyTerms;
  private final double[] bodyIdf;
  private final boolean bodyBigrams;
  /** Term to index, built once per JVM that uses it (a vocabulary is hundreds of thousands of terms). */
  private transient volatile Map<String, Integer> headlineIndex;
  private transient volatile Map<String, Integer> bodyIndex;

  public TfIdfBlocks(String[] headlineTerms, double[] headlineIdf, String[] bodyTerms, double[] bodyIdf,
      boolean bodyBigrams) {
    if (headlineTerms.length != headlineIdf.length || bodyTerms.length != bodyIdf.length) {
      throw new IllegalArgumentException("every term needs its idf");
    }
    this.headlineTerms = headlineTerms;
    this.headlineIdf = headlineIdf;
    this.bodyTerms = bodyTerms;
    this.bodyIdf = bodyIdf;
    this.bodyBigrams = bodyBigrams;
  }

  /** Spark's IDF: ln((documents + 1) / (document frequency + 1)). */
  public static double idf(long documents, long documentFrequency) {
    return Math.log((documents + 1.0) / (documentFrequency + 1.0));
  }

  public int size() {
    return headlineTerms.length + bodyTerms.length;
  }

  public String[] headlineTerms() {
    return headlineTerms;
  }

  public double[] headlineIdf() {
    return headlineIdf;
  }

  public String[] bodyTerms() {
    return bodyTerms;
  }

  public double[] bodyIdf() {
    return bodyIdf;
  }

  public boolean bodyBigrams() {
    return bodyBigrams;
  }

  /** The feature's term: body terms as they are, headline terms with {@code prefix} (evidence tells them apart). */
  public String term(int feature, String headlinePrefix) {
    return feature < headlineTerms.length ? headlinePrefix + headlineTerms[feature]
        : bodyTerms[feature - headlineTerms.length];
  }

  /** The body's terms: its words and, with bigrams, each pair of neighbouring words joined by a space. */
  static void forEachBodyTerm(List<String> words, boolean bigrams, java.util.function.Consumer<String> out) {
    for (int i = 0; i < words.size(); i++) {
      out.accept(words.get(i));
      if (bigrams && i > 0) {
        out.accept(words.get(i - 1) + " " + words.get(i));
      }
    }
  }

  /** The article's vector: [headline block | body block], each L2-normalised TF-IDF (an empty block stays zero). */
  public SparseVector vector(List<String> headline, List<String> body) {
    Map<String, Integer> h = headlineIndex();
    Map<String, Integer> b = bodyIndex();
    int offset = headlineTerms.length;
    // Feature indices of every known term, sorted: equal indices then sit together and their run is the count.
    int[] hits = new int[(headline == null ? 0 : headline.size()) + (body == null ? 0 : body.size() * 2) + 1];
    int[] n = {0};
    if (headline != null) {
      for (String w : headline) {
        Integer i = h.get(w);
        if (i != null) {
          hits[n[0]++] = i;
        }
      }
    }
    if (body != null) {
      forEachBodyTerm(body, bodyBigrams, w -> {
        Integer i = b.get(w);
        if (i != null) {
          hits[n[0]++] = offset + i;
        }
      });
    }
    java.util.Arrays.sort(hits, 0, n[0]);
    int[] idx = new int[n[0]];
    double[] val = new double[n[0]];
    int k = -1;
    for (int j = 0; j < n[0]; j++) {
      if (k >= 0 && idx[k] == hits[j]) {
        val[k]++;
      } else {
        idx[++k] = hits[j];
        val[k] = 1;
      }
    }
    int nnz = k + 1;
    double headNorm = 0;
    double bodyNorm = 0;
    for (int j = 0; j < nnz; j++) {
      int i = idx[j];
      val[j] *= i < offset ? headlineIdf[i] : bodyIdf[i - offset];
      if (i < offset) {
        headNorm += val[j] * val[j];
      } else {
        bodyNorm += val[j] * val[j];
      }
    }
    headNorm = Math.sqrt(headNorm);
    bodyNorm = Math.sqrt(bodyNorm);
    // Terms in every document weigh zero; like VectorAssembler, leave them out.
    int kept = 0;
    for (int j = 0; j < nnz; j++) {
      double norm = idx[j] < offset ? headNorm : bodyNorm;
      if (val[j] != 0) {
        idx[kept] = idx[j];
        val[kept++] = val[j] / norm;
      }
    }
    return (SparseVector) Vectors.sparse(size(), java.util.Arrays.copyOf(idx, kept),
        java.util.Arrays.copyOf(val, kept));
  }

  private Map<String, Integer> headlineIndex() {
    Map<String, Integer> m = headlineIndex;
    if (m == null) {
      m = index(headlineTerms);
      headlineIndex = m;
    }
    return m;
  }

  private Map<String, Integer> bodyIndex() {
    Map<String, Integer> m = bodyIndex;
    if (m == null) {
      m = index(bodyTerms);
      bodyIndex = m;
    }
    return m;
  }

  private static Map<String, Integer> index(String[] terms) {
    Map<String, Integer> m = new HashMap<>(terms.length * 2);
    for (int i = 0; i < terms.length; i++) {
      m.put(terms[i], i);
    }
    return m;
  }
}
