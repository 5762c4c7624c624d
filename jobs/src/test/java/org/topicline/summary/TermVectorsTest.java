package org.topicline.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermVectorsTest {
  @Test
  void aSentenceIsMostSimilarToItsRepeat() {
    TermVectors v = new TermVectors(List.of(List.of("氢能", "产业"), List.of("天气", "晴朗"), List.of("氢能", "产业")));
    double[][] sim = v.similarities();
    assertEquals(1.0, sim[0][2], 1e-12);
    assertEquals(0.0, sim[0][1]);
    assertEquals(0.0, v.project(List.of("未知")).dot(v.get(0)));
  }

  /**
   * The array-based vectors, similarities, LexRank ranks, projections and centroid equal the map-based
   * definition they replaced to the last bit, over many random texts with repeated terms, colliding hash codes
   * (two-char strings 31 * a + b apart) and empty texts.
   */
  @Test
  void sameFiguresAsTheMapBasedDefinition() {
    Random random = new Random(11);
    // "Aa" and "BB" have the same hash code, as do many pairs of CJK bigrams.
    String[] terms = {"Aa", "BB", "氢能", "产业", "发展", "经济", "改革", "数字", "政府", "学习", "教育", "建设", "创新", "合作"};
    for (int set = 0; set < 300; set++) {
      List<List<String>> docs = new ArrayList<>();
      int n = random.nextInt(12);
      for (int d = 0; d < n; d++) {
        List<String> doc = new ArrayList<>();
        int len = random.nextInt(random.nextBoolean() ? 4 : 30);
        for (int k = 0; k < len; k++) {
          doc.add(random.nextInt(3) == 0 ? "t" + random.nextInt(400) : terms[random.nextInt(terms.length)]);
        }
        docs.add(doc);
      }
      TermVectors v = new TermVectors(docs);
      Reference r = new Reference(docs);
      for (int d = 0; d < n; d++) {
        assertVector(r.vectors.get(d), v.get(d));
      }
      double[][] sim = v.similarities();
      double[][] refSim = r.similarities();
      for (int i = 0; i < n; i++) {
        assertArrayEquals(refSim[i], sim[i]);
      }
      assertArrayEquals(Reference.centrality(refSim, 0.85), TermVectors.centrality(sim, 0.85), "set " + set);
      List<String> title = List.of(terms[random.nextInt(terms.length)], "t" + random.nextInt(400), "新词");
      assertVector(r.project(title), v.project(title));
      assertVector(r.centroid(), v.centroid());
    }
  }

  private static void assertVector(TermVectors.Vector expected, TermVectors.Vector actual) {
    assertArrayEquals(expected.ids(), actual.ids());
    assertArrayEquals(expected.weights(), actual.weights());
  }

  /** TermVectors as first written: hash maps of boxed counts and weights. */
  private static final class Reference {
    final Map<String, Integer> ids = new HashMap<>();
    final List<TermVectors.Vector> vectors = new ArrayList<>();
    final double[] idf;

    Reference(List<List<String>> docs) {
      List<Map<Integer, Integer>> tfs = new ArrayList<>();
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
      for (Map<Integer, Integer> tf : tfs) {
        vectors.add(vector(tf));
      }
    }

    TermVectors.Vector project(List<String> tokens) {
      Map<Integer, Integer> tf = new HashMap<>();
      for (String t : tokens) {
        Integer id = ids.get(t);
        if (id != null) {
          tf.merge(id, 1, Integer::sum);
        }
      }
      return vector(tf);
    }

    TermVectors.Vector centroid() {
      double[] sum = new double[idf.length];
      for (TermVectors.Vector v : vectors) {
        for (int k = 0; k < v.ids().length; k++) {
          sum[v.ids()[k]] += v.weights()[k];
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

    TermVectors.Vector vector(Map<Integer, Integer> tf) {
      Map<Integer, Double> w = new HashMap<>();
      tf.forEach((id, n) -> w.put(id, (1 + Math.log(n)) * idf[id]));
      return normalised(w);
    }

    static TermVectors.Vector normalised(Map<Integer, Double> w) {
      if (w.isEmpty()) {
        return TermVectors.Vector.EMPTY;
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
      return new TermVectors.Vector(keys, vals);
    }

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
}
