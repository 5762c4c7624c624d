package org.topicline.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors of a small set of texts (the sentences of one article, or the candidate sentences of one digest),
 * with document frequencies counted over that set, so that no corpus statistics are needed. Vectors are sparse
 * (sorted term ids) and unit length, so a dot product is the cosine.
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

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<Vector> vectors;
  private final double[] idf;

  TermVectors(List<List<String>> docs) {
    List<Map<Integer, Integer>> tfs = new ArrayList<>(docs.size());
    List<Integer> df = new ArrayList<>();
    for (List<String> doc : docs) {
      Map<Integer, Integer> tf = new HashMap<>();
      for (String t : doc) {
        int id = ids.computeIfAbsent(t, k -> ids.size());
        if (id == df.size()) {
          df.add(0);
        }
        if (tf.merge(id, 1, Integer::sum) == 1) {
          df.set(id, df.get(id) + 1);
        }
      }
      tfs.add(tf);
    }
    idf = new double[df.size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = Math.log(1.0 + (double) docs.size() / df.get(i));
    }
    vectors = new ArrayList<>(docs.size());
    for (Map<Integer, Integer> tf : tfs) {
      vectors.add(vector(tf));
    }
  }

  int size() {
    return vectors.size();
  }

  Vector get(int i) {
    return vectors.get(i);
  }

  /** The vector of another text (the title) in this set's term space; unknown terms are dropped. */
  Vector project(List<String> tokens) {
    Map<Integer, Integer> tf = new HashMap<>();
    for (String t : tokens) {
      Integer id = ids.get(t);
      if (id != null) {
        tf.merge(id, 1, Integer::sum);
      }
    }
    return vector(tf);
  }

  /** The normalised sum of the given vectors: what the set is about. */
  Vector centroid() {
    double[] sum = new double[idf.length];
    for (Vector v : vectors) {
      for (int k = 0; k < v.ids.length; k++) {
        sum[v.ids[k]] += v.weights[k];
      }
    }
    Map<Integer, Double> m = new HashMap<>();
    for (int i = 0; i < sum.length; i++) {
      if (sum[i] > 0) {
        m.put(i, sum[i]);
      }
    }
    return normalised(m);
  }

  private Vector vector(Map<Integer, Integer> tf) {
    Map<Integer, Double> w = new HashMap<>();
    tf.forEach((id, n) -> w.put(id, (1 + Math.log(n)) * idf[id]));
    return normalised(w);
  }

  private static Vector normalised(Map<Integer, Double> w) {
    if (w.isEmpty()) {
      return Vector.EMPTY;
    }
    int[] keys = w.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    double[] vals = new double[keys.length];
    double norm = 0;
    for (int k = 0; k < keys.length; k++) {
      vals[k] = w.get(keys[k]);
      norm += vals[k] * vals[k];
    }
    norm = Math.sqrt(norm);
    for (int k = 0; k < vals.length; k++) {
      vals[k] /= norm;
    }
    return new Vector(keys, vals);
  }

  /** Cosine similarity of every pair (symmetric, zero diagonal). */
  double[][] similarities() {
    int n = vectors.size();
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        s[i][j] = s[j][i] = vectors.get(i).dot(vectors.get(j));
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
    double[] r = new double[n];
    Arrays.fill(r, 1.0 / n);
    for (int iter = 0; iter < 50; iter++) {
      double dangling = 0;
      for (int j = 0; j < n; j++) {
        if (rowSum[j] == 0) {
          dangling += r[j];
        }
      }
      double[] next = new double[n];
      double delta = 0;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          if (rowSum[j] > 0 && sim[j][i] > 0) {
            s += sim[j][i] / rowSum[j] * r[j];
          }
        }
        next[i] = (1 - damping) / n + damping * (s + dangling / n);
        delta += Math.abs(next[i] - r[i]);
      }
      r = next;
      if (delta < 1e-8) {
        break;
      }
    }
    return r;
  }
}
