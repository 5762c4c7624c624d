package org.topicline.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TextRank keywords: terms are nodes, co-occurrence within a window of the same sentence is an edge, PageRank
 * ranks them. Only terms of two or more characters that are not plain numbers qualify. Ties break by term, so the
 * result is deterministic.
 *
 * <p>Runs once per article, so the graph is arrays indexed by term id: ids follow the terms' sorted order and each
 * node's edges are sorted by id, which fixes the order of every floating-point sum (the ranking is reproducible).
 * Pair counts come from sorting each term's co-occurring terms, not from a map of boxed pairs.
 */
public final class Keywords {
  private static final double DAMPING = 0.85;

  private Keywords() {}

  public static List<ExtractiveSummarizer.Term> textRank(List<List<String>> sentences, int window, int top) {
    if (top <= 0) {
      return List.of();
    }
    // Ids in order of first appearance, then renumbered in term order.
    Map<String, Integer> first = new HashMap<>();
    int[][] kept = new int[sentences.size()][];
    for (int s = 0; s < kept.length; s++) {
      List<String> sentence = sentences.get(s);
      int[] ids = new int[sentence.size()];
      int m = 0;
      for (String t : sentence) {
        if (qualifies(t)) {
          ids[m++] = first.computeIfAbsent(t, k -> first.size());
        }
      }
      kept[s] = Arrays.copyOf(ids, m);
    }
    if (first.isEmpty()) {
      return List.of();
    }
    String[] term = first.keySet().toArray(String[]::new);
    Arrays.sort(term);
    int[] byTerm = new int[term.length];
    for (int i = 0; i < term.length; i++) {
      byTerm[first.get(term[i])] = i;
    }
    for (int[] ids : kept) {
      for (int k = 0; k < ids.length; k++) {
        ids[k] = byTerm[ids[k]];
      }
    }
    Graph g = Graph.of(kept, term.length, window);

    int n = term.length;
    double[] rank = new double[n];
    Arrays.fill(rank, 1.0);
    double[] next = new double[n];
    double[] share = new double[n];
    for (int iter = 0; iter < 30; iter++) {
      // What b gives each neighbour per co-occurrence: weight * rank[b] / degree[b] is exactly rank[b] / degree[b]
      // for weight 1 (most edges), so that is divided once per node, not once per edge.
      for (int b = 0; b < n; b++) {
        share[b] = g.degree[b] > 0 ? rank[b] / g.degree[b] : 0;
      }
      double delta = 0;
      for (int a = 0; a < n; a++) {
        double s = 0;
        for (int k = g.start[a]; k < g.start[a + 1]; k++) {
          int b = g.to[k];
          s += g.weight[k] == 1 ? share[b] : g.weight[k] * rank[b] / g.degree[b];
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
    // The best terms by rank in one pass (only `top` are wanted, so no sort of them all); ids follow term order,
    // and a term ranked equal to an earlier one stays after it, so ties break exactly as the term would.
    int k = Math.min(top, n);
    int[] order = new int[k];
    int filled = 0;
    for (int t = 0; t < n; t++) {
      if (filled == k && !(rank[t] > rank[order[k - 1]])) {
        continue;
      }
      int p = filled < k ? filled++ : k - 1;
      while (p > 0 && rank[t] > rank[order[p - 1]]) {
        order[p] = order[p - 1];
        p--;
      }
      order[p] = t;
    }
    double best = rank[order[0]];
    List<ExtractiveSummarizer.Term> out = new ArrayList<>(k);
    for (int t : order) {
      out.add(new ExtractiveSummarizer.Term(term[t], Math.round(rank[t] / best * 1e4) / 1e4));
    }
    return out;
  }

  /** Co-occurrence counts as compressed rows: node a's edges are to[start[a]..start[a+1]), sorted by id. */
  private record Graph(int[] start, int[] to, int[] weight, int[] degree) {
    static Graph of(int[][] sentences, int n, int window) {
      // Each co-occurrence counts in both directions (the graph is undirected). First how many each term has...
      int[] degree = new int[n];
      for (int[] ids : sentences) {
        for (int i = 0; i < ids.length; i++) {
          for (int j = i + 1; j < Math.min(ids.length, i + window); j++) {
            if (ids[i] != ids[j]) {
              degree[ids[i]]++;
              degree[ids[j]]++;
            }
          }
        }
      }
      int[] at = new int[n + 1];
      for (int a = 0; a < n; a++) {
        at[a + 1] = at[a] + degree[a];
      }
      // ... then the neighbours of each term, sorted: equal neighbours are adjacent and their run is the weight.
      int[] neighbours = new int[at[n]];
      int[] fill = Arrays.copyOf(at, n);
      for (int[] ids : sentences) {
        for (int i = 0; i < ids.length; i++) {
          for (int j = i + 1; j < Math.min(ids.length, i + window); j++) {
            if (ids[i] != ids[j]) {
              neighbours[fill[ids[i]]++] = ids[j];
              neighbours[fill[ids[j]]++] = ids[i];
            }
          }
        }
      }
      int[] start = new int[n + 1];
      for (int a = 0; a < n; a++) {
        Arrays.sort(neighbours, at[a], at[a + 1]);
        int edges = 0;
        for (int k = at[a]; k < at[a + 1]; k++) {
          edges += k == at[a] || neighbours[k] != neighbours[k - 1] ? 1 : 0;
        }
        start[a + 1] = start[a] + edges;
      }
      int[] to = new int[start[n]];
      int[] weight = new int[start[n]];
      for (int a = 0; a < n; a++) {
        int e = start[a] - 1;
        for (int k = at[a]; k < at[a + 1]; k++) {
          if (k == at[a] || neighbours[k] != neighbours[k - 1]) {
            to[++e] = neighbours[k];
          }
          weight[e]++;
        }
      }
      return new Graph(start, to, weight, degree);
    }
  }

  static boolean qualifies(String term) {
    if (term.codePointCount(0, term.length()) < 2) {
      return false;
    }
    for (int i = 0; i < term.length(); ) {
      int cp = term.codePointAt(i);
      if (Character.isLetter(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
