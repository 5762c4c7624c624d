package org.topicline.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KeywordsTest {
  @Test
  void ranksTheHubOfTheCoOccurrenceGraphFirst() {
    List<List<String>> sentences = List.of(
        List.of("氢能", "产业", "发展"),
        List.of("氢能", "汽车", "示范"),
        List.of("氢能", "标准", "体系"));
    List<ExtractiveSummarizer.Term> top = Keywords.textRank(sentences, 5, 3);
    assertEquals("氢能", top.get(0).term());
    assertEquals(1.0, top.get(0).weight());
  }

  @Test
  void leavesOutSingleCharactersAndNumbers() {
    List<ExtractiveSummarizer.Term> top = Keywords.textRank(List.of(List.of("的", "2021", "会议", "召开")), 5, 10);
    assertEquals(List.of("会议", "召开"), top.stream().map(ExtractiveSummarizer.Term::term).sorted().toList());
  }

  @Test
  void nothingToRank() {
    assertEquals(List.of(), Keywords.textRank(List.of(List.of("的", "了")), 5, 8));
    assertEquals(List.of(), Keywords.textRank(List.of(List.of("会议")), 5, 0));
  }

  /**
   * The array-based graph ranks exactly as the plain map-based TextRank it replaced (same terms, same weights to
   * the last bit), over many random texts with repeated terms, ties and isolated words.
   */
  @Test
  void sameRankingAsTheMapBasedDefinition() {
    Random random = new Random(7);
    String[] words = {"会议", "改革", "发展", "经济", "氢能", "数字", "政府", "学习", "教育", "党史", "a", "5g", "2021",
        "的", "建设", "创新", "合作", "人民", "国家", "科技"};
    for (int doc = 0; doc < 500; doc++) {
      List<List<String>> sentences = new ArrayList<>();
      int n = 1 + random.nextInt(6);
      for (int s = 0; s < n; s++) {
        List<String> sentence = new ArrayList<>();
        int len = random.nextInt(25);
        for (int k = 0; k < len; k++) {
          sentence.add(words[random.nextInt(random.nextBoolean() ? 6 : words.length)]);
        }
        sentences.add(sentence);
      }
      int window = 2 + random.nextInt(5);
      int top = 1 + random.nextInt(10);
      assertEquals(reference(sentences, window, top), Keywords.textRank(sentences, window, top), "doc " + doc);
    }
  }

  /** TextRank as first written: TreeMaps for nodes and edges, a HashMap of ranks. */
  private static List<ExtractiveSummarizer.Term> reference(List<List<String>> sentences, int window, int top) {
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
        double r = (1 - 0.85) + 0.85 * s;
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
}
