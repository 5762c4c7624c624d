package org.topicline.summary;

import java.util.Arrays;
import java.util.List;

/**
 * TF-IDF vectors of a small set of texts (the sentences of one article, or the candidate sentences of one digest),
 * with document frequencies counted over that set, so that no corpus statistics are needed. Vectors are sparse
 * (sorted term ids) and unit length, so a dot product is the cosine.
 *
 * <p>Built once per article, so it works on arrays: a text is the sorted ids of its tokens, and a term's frequency
 * is the length of its run. Weights and norms are summed in ascending id order, which fixes every floating-point
 * result.
 */
final class TermVectors {
  /** A unit-length sparse vector. */
  record Vector(int[] ids, double[] weights) {
    static final Vector EMPTY = new Vector(new int[0], new double[0]);

    double dot(Vector o) {
      double s = 0;
      int i = 0;
      int j = 0;
      while (i < ids.length && j < o.ids.length) {
        if (ids[i] == o.ids[j]) {
          s += weights[i++] * o.weights[j++];
        } else if (ids[i] < o.ids[j]) {
          i++;
        } else {
          j++;
        }
      }
      return s;
    }
  }

  /** Term ids in order of first appearance. */
  private final TermIds ids;
  private final Vector[] vectors;
  private final double[] idf;

  TermVectors(List<List<String>> docs) {
    int tokens = 0;
    for (List<String> doc : docs) {
      tokens += doc.size();
    }
    ids = new TermIds(tokens);
    int[][] docIds = new int[docs.size()][];
    for (int d = 0; d < docIds.length; d++) {
      List<String> doc = docs.get(d);
      int[] a = new int[doc.size()];
      for (int k = 0; k < a.length; k++) {
        a[k] = ids.add(doc.get(k));
      }
      Arrays.sort(a);
      docIds[d] = a;
    }
    int[] df = new int[ids.size()];
    for (int[] a : docIds) {
      for (int k = 0; k < a.length; k++) {
        if (k == 0 || a[k] != a[k - 1]) {
          df[a[k]]++;
        }
      }
    }
    idf = new double[df.length];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = Math.log(1.0 + (double) docs.size() / df[i]);
    }
    vectors = new Vector[docIds.length];
    for (int d = 0; d < docIds.length; d++) {
      vectors[d] = vector(docIds[d], docIds[d].length);
    }
  }

  int size() {
    return vectors.length;
  }

  Vector get(int i) {
    return vectors[i];
  }

  /** The vector of another text (the title) in this set's term space; unknown terms are dropped. */
  Vector project(List<String> tokens) {
    int[] a = new int[tokens.size()];
    int n = 0;
    for (String t : tokens) {
      int id = ids.get(t);
      if (id >= 0) {
        a[n++] = id;
      }
    }
    Arrays.sort(a, 0, n);
    return vector(a, n);
  }

  /** The normalised sum of the given vectors: what the set is about. */
  Vector centroid() {
    double[] sum = new double[idf.length];
    for (Vector v : vectors) {
      for (int k = 0; k < v.ids.length; k++) {
        sum[v.ids[k]] += v.weights[k];
      }
    }
    int n = 0;
    for (double s : sum) {
      n += s > 0 ? 1 : 0;
    }
    int[] keys = new int[n];
    double[] vals = new double[n];
    n = 0;
    for (int i = 0; i < sum.length; i++) {
      if (sum[i] > 0) {
        keys[n] = i;
        vals[n++] = sum[i];
      }
    }
    return normalised(keys, vals);
  }

  /** Log-scaled term frequency times IDF of the first {@code n} sorted ids, unit length. */
  private Vector vector(int[] sorted, int n) {
    int terms = 0;
    for (int k = 0; k < n; k++) {
      terms += k == 0 || sorted[k] != sorted[k - 1] ? 1 : 0;
    }
    int[] keys = new int[terms];
    double[] vals = new double[terms];
    int t = -1;
    int run = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        if (t >= 0) {
          vals[t] = (1 + Math.log(run)) * idf[keys[t]];
        }
        keys[++t] = sorted[k];
        run = 0;
      }
      run++;
    }
    if (t >= 0) {
      vals[t] = (1 + Math.log(run)) * idf[keys[t]];
    }
    return normalised(keys, vals);
  }

  private static Vector normalised(int[] keys, double[] vals) {
    if (keys.length == 0) {
      return Vector.EMPTY;
    }
    double norm = 0;
    for (double v : vals) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (int k = 0; k < vals.length; k++) {
      vals[k] /= norm;
    }
    return new Vector(keys, vals);
  }

  /**
   * Cosine similarity of every pair (symmetric, zero diagonal). Summed term by term over the texts that hold the
   * term, in ascending term order as {@link Vector#dot} sums, so each figure is that dot product to the last bit;
   * most char bigrams occur in one or two sentences, so this is far fewer steps than a dot product per pair.
   */
  double[][] similarities() {
    int n = vectors.length;
    // Postings: for each term, the texts that hold it (ascending) and its weight there.
    int[] start = new int[idf.length + 1];
    for (Vector v : vectors) {
      for (int id : v.ids) {
        start[id + 1]++;
      }
    }
    for (int t = 0; t < idf.length; t++) {
      start[t + 1] += start[t];
    }
    int[] doc = new int[start[idf.length]];
    double[] weight = new double[doc.length];
    int[] fill = Arrays.copyOf(start, idf.length);
    for (int d = 0; d < n; d++) {
      Vector v = vectors[d];
      for (int k = 0; k < v.ids.length; k++) {
        int at = fill[v.ids[k]]++;
        doc[at] = d;
        weight[at] = v.weights[k];
      }
    }
    double[][] s = new double[n][n];
    for (int t = 0; t < idf.length; t++) {
      for (int a = start[t]; a < start[t + 1]; a++) {
        double[] row = s[doc[a]];
        for (int b = a + 1; b < start[t + 1]; b++) {
          row[doc[b]] += weight[a] * weight[b];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        s[j][i] = s[i][j];
      }
    }
    return s;
  }

  /**
   * LexRank: PageRank over the similarity graph (continuous weights). A sentence with no neighbours spreads its
   * rank evenly, so the ranks stay a distribution.
   */
  static double[] centrality(double[][] sim, double damping) {
    int n = sim.length;
    double[] rowSum = new double[n];
    for (int i = 0; i < n; i++) {
      rowSum[i] = Arrays.stream(sim[i]).sum();
    }
    // The transition weights, transposed: into[i][j] = sim[j][i] / rowSum[j], so each iteration reads rows and
    // divides nothing (zero where j has no neighbours: adding 0 leaves every sum as it was).
    double[][] into = new double[n][n];
    for (int j = 0; j < n; j++) {
      if (rowSum[j] > 0) {
        for (int i = 0; i < n; i++) {
          into[i][j] = sim[j][i] / rowSum[j];
        }
      }
    }
    double[] r = new double[n];
    Arrays.fill(r, 1.0 / n);
    double[] next = new double[n];
    for (int iter = 0; iter < 50; iter++) {
      double dangling = 0;
      for (int j = 0; j < n; j++) {
        if (rowSum[j] == 0) {
          dangling += r[j];
        }
      }
      double delta = 0;
      for (int i = 0; i < n; i++) {
        double[] row = into[i];
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += row[j] * r[j];
        }
        next[i] = (1 - damping) / n + damping * (s + dangling / n);
        delta += Math.abs(next[i] - r[i]);
      }
      double[] swap = r;
      r = next;
      next = swap;
      if (delta < 1e-8) {
        break;
      }
    }
    return r;
  }

  /**
   * Term to id, ids dense in order of first appearance. Open addressing with a multiplicative hash: the hash codes
   * of two-char strings (the char bigrams), 31 * a + b, crowd a few of {@link java.util.HashMap}'s buckets.
   */
  private static final class TermIds {
    private String[] keys;
    private int[] values;
    /** 32 - log2(capacity): the slot is the top bits of the mixed hash. */
    private int shift;
    private int size;

    /** Room for {@code expected} terms without growing (the table is kept at most half full). */
    TermIds(int expected) {
      int capacity = Integer.highestOneBit(Math.max(32, expected) * 2 - 1) * 2;
      keys = new String[capacity];
      values = new int[capacity];
      shift = Integer.numberOfLeadingZeros(capacity) + 1;
    }

    int size() {
      return size;
    }

    /** The term's id, or -1. */
    int get(String term) {
      int mask = keys.length - 1;
      for (int i = slot(term); keys[i] != null; i = (i + 1) & mask) {
        if (keys[i].equals(term)) {
          return values[i];
        }
      }
      return -1;
    }

    /** The term's id, a new one when it has none. */
    int add(String term) {
      int mask = keys.length - 1;
      int i = slot(term);
      for (; keys[i] != null; i = (i + 1) & mask) {
        if (keys[i].equals(term)) {
          return values[i];
        }
      }
      keys[i] = term;
      values[i] = size;
      if (++size * 2 > keys.length) {
        grow();
      }
      return size - 1;
    }

    private void grow() {
      String[] oldKeys = keys;
      int[] oldValues = values;
      keys = new String[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      shift--;
      int mask = keys.length - 1;
      for (int k = 0; k < oldKeys.length; k++) {
        if (oldKeys[k] != null) {
          int i = slot(oldKeys[k]);
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[k];
          values[i] = oldValues[k];
        }
      }
    }

    private int slot(String term) {
      return term.hashCode() * 0x9E3779B9 >>> shift;
    }
  }
}
