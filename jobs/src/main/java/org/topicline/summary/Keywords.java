package org.topicline.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TextRank keywords: terms are nodes, co-occurrence within a window of the same sentence is an edge, PageRank
 * ranks them. Only terms of two or more characters that are not plain numbers qualify. Ties break by term, so the
 * result is deterministic.
 */
public final class Keywords {
  private static final double DAMPING = 0.85;

  private Keywords() {}

  public static List<ExtractiveSummarizer.Term> textRank(List<List<String>> sentences, int window, int top) {
    if (top <= 0) {
      return List.of();
    }
    // TreeMap: a fixed iteration order makes the floating-point sums, and so the ranking, reproducible.
    Map<String, Map<String, Integer>> graph = new TreeMap<>();
    for (List<String> sentence : sentences) {
      List<String> terms = sentence.stream().filter(Keywords::qualifies).toList();
      for (int i = 0; i < terms.size(); i++) {
        graph.computeIfAbsent(terms.get(i), k -> new TreeMap<>());
        for (int j = i + 1; j < Math.min(terms.size(), i + window); j++) {
          String a = terms.get(i);
          String b = terms.get(j);
          if (!a.equals(b)) {
            graph.get(a).merge(b, 1, Integer::sum);
            graph.computeIfAbsent(b, k -> new TreeMap<>()).merge(a, 1, Integer::sum);
          }
        }
      }
    }
    if (graph.isEmpty()) {
      return List.of();
    }
    Map<String, Double> rank = new HashMap<>();
    graph.keySet().forEach(t -> rank.put(t, 1.0));
    Map<String, Integer> degree = new HashMap<>();
    graph.forEach((t, edges) -> degree.put(t, edges.values().stream().mapToInt(Integer::intValue).sum()));
    for (int iter = 0; iter < 30; iter++) {
      Map<String, Double> next = new HashMap<>();
      double delta = 0;
      for (Map.Entry<String, Map<String, Integer>> e : graph.entrySet()) {
        double s = 0;
        for (Map.Entry<String, Integer> edge : e.getValue().entrySet()) {
          s += edge.getValue() * rank.get(edge.getKey()) / degree.get(edge.getKey());
        }
        double r = (1 - DAMPING) + DAMPING * s;
        delta += Math.abs(r - rank.get(e.getKey()));
        next.put(e.getKey(), r);
      }
      rank.putAll(next);
      if (delta < 1e-6) {
        break;
      }
    }
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(rank.entrySet());
    sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    double best = sorted.get(0).getValue();
    List<ExtractiveSummarizer.Term> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : sorted.subList(0, Math.min(top, sorted.size()))) {
      out.add(new ExtractiveSummarizer.Term(e.getKey(), Math.round(e.getValue() / best * 1e4) / 1e4));
    }
    return out;
  }

  static boolean qualifies(String term) {
    return term.codePointCount(0, term.length()) >= 2 && term.codePoints().anyMatch(Character::isLetter);
  }
}
