package org.topicline.summary;

import java.util.HashMap;
import java.util.Map;

/**
 * Character-level ROUGE, the usual measure for Chinese summaries: both texts are reduced to their letters and digits
 * (punctuation and white space carry no content, and Latin is lower-cased), then ROUGE-1 and ROUGE-2 count clipped
 * character unigram and bigram overlaps, ROUGE-L the longest common subsequence. Each figure is the F1 of recall and
 * precision.
 */
public final class Rouge {
  /** F1 of ROUGE-1, ROUGE-2 and ROUGE-L for one summary against one reference. */
  public record Scores(double rouge1, double rouge2, double rougeL) {}

  private Rouge() {}

  public static Scores score(String candidate, String reference) {
    int[] c = normalise(candidate);
    int[] r = normalise(reference);
    return new Scores(ngramF1(c, r, 1), ngramF1(c, r, 2), f1(lcs(c, r), c.length, r.length));
  }

  /** Code points of the letters and digits, Latin lower-cased. */
  static int[] normalise(String text) {
    if (text == null) {
      return new int[0];
    }
    return text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
  }

  static double ngramF1(int[] c, int[] r, int n) {
    Map<Long, Integer> ref = ngrams(r, n);
    Map<Long, Integer> cand = ngrams(c, n);
    int overlap = 0;
    for (Map.Entry<Long, Integer> e : cand.entrySet()) {
      overlap += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
    }
    return f1(overlap, Math.max(0, c.length - n + 1), Math.max(0, r.length - n + 1));
  }

  private static Map<Long, Integer> ngrams(int[] s, int n) {
    Map<Long, Integer> m = new HashMap<>();
    for (int i = 0; i + n <= s.length; i++) {
      long key = n == 1 ? s[i] : ((long) s[i] << 32) | s[i + 1];
      m.merge(key, 1, Integer::sum);
    }
    return m;
  }

  static int lcs(int[] a, int[] b) {
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }

  private static double f1(int overlap, int candidateLength, int referenceLength) {
    if (overlap == 0 || candidateLength == 0 || referenceLength == 0) {
      return 0.0;
    }
    double p = (double) overlap / candidateLength;
    double r = (double) overlap / referenceLength;
    return 2 * p * r / (p + r);
  }
}
