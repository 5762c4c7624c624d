package org.topicline.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * TextRank keywords: terms are nodes, co-occurrence within a window of the same sentence is an edge, PageRank
 * ranks them. Only terms of two or more characters that are not plain numbers qualify. Ties break by term, so the
 * result is deterministic.
 *
 * <p>Runs once per article, so the graph is arrays indexed by term id: ids follow the terms' sorted order and each
 * node's edges are sorted by id, which fixes the order of every floating-point sum (the ranking is reproducible).
 */
public final class Keywords {
  private static final double DAMPING = 0.85;

  private Keywords() {}

  public static List<ExtractiveSummarizer.Term> textRank(List<List<String>> sentences, int window, int top) {
    if (top <= 0) {
      return List.of();
    }
    List<List<String>> kept = new ArrayList<>(sentences.size());
    TreeSet<String> vocabulary = new TreeSet<>();
    for (List<String> sentence : sentences) {
      List<String> terms = sentence.stream().filter(Keywords::qualifies).toList();
      kept.add(terms);
      vocabulary.addAll(terms);
    }
    if (vocabulary.isEmpty()) {
      return List.of();
    }
    String[] term = vocabulary.toArray(String[]::new);
    Map<String, Integer> id = new HashMap<>(term.length * 2);
    for (int i = 0; i < term.length; i++) {
      id.put(term[i], i);
    }
    Graph g = Graph.of(kept, id, term.length, window);

    int n = term.length;
    double[] rank = new double[n];
    Arrays.fill(rank, 1.0);
    double[] next = new double[n];
    for (int iter = 0; iter < 30; iter++) {
      double delta = 0;
      for (int a = 0; a < n; a++) {
        double s = 0;
        for (int k = g.start[a]; k < g.start[a + 1]; k++) {
          int b = g.to[k];
          s += g.weight[k] * rank[b] / g.degree[b];
        }
        double r = (1 - DAMPING) + DAMPING * s;
        delta += Math.abs(r - rank[a]);
        next[a] = r;
      }
      double[] swap = rank;
      rank = next;
      next = swap;
      if (delta < 1e-6) {
        break;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double[] finalRank = rank;
    // Ids follow term order, so the id breaks ties exactly as the term would.
    Arrays.sort(order, (x, y) -> finalRank[x] != finalRank[y] ? Double.compare(finalRank[y], finalRank[x])
        : Integer.compare(x, y));
    double best = rank[order[0]];
    List<ExtractiveSummarizer.Term> out = new ArrayList<>();
    for (int i = 0; i < Math.min(top, n); i++) {
      int t = order[i];
      out.add(new ExtractiveSummarizer.Term(term[t], Math.round(rank[t] / best * 1e4) / 1e4));
    }
    return out;
  }

  /** Co-occurrence counts as compressed rows: node a's edges are to[start[a]..start[a+1]), sorted by id. */
  private record Graph(int[] start, int[] to, int[] weight, int[] degree) {
    static Graph of(List<List<String>> sentences, Map<String, Integer> id, int n, int window) {
      // Pair counts keyed by (a, b) in one long; both directions, as the graph is undirected.
      Map<Long, Integer> pairs = new HashMap<>();
      for (List<String> terms : sentences) {
        int[] ids = terms.stream().mapToInt(id::get).toArray();
        for (int i = 0; i < ids.length; i++) {
          for (int j = i + 1; j < Math.min(ids.length, i + window); j++) {
            if (ids[i] != ids[j]) {
              pairs.merge((long) ids[i] * n + ids[j], 1, Integer::sum);
              pairs.merge((long) ids[j] * n + ids[i], 1, Integer::sum);
            }
          }
        }
      }
      long[] keys = pairs.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      int[] start = new int[n + 1];
      int[] to = new int[keys.length];
      int[] weight = new int[keys.length];
      int[] degree = new int[n];
      for (int k = 0; k < keys.length; k++) {
        int a = (int) (keys[k] / n);
        to[k] = (int) (keys[k] % n);
        weight[k] = pairs.get(keys[k]);
        degree[a] += weight[k];
        start[a + 1]++;
      }
      for (int a = 0; a < n; a++) {
        start[a + 1] += start[a];
      }
      return new Graph(start, to, weight, degree);
    }
  }

  static boolean qualifies(String term) {
    return term.codePointCount(0, term.length()) >= 2 && term.codePoints().anyMatch(Character::isLetter);
  }
}
