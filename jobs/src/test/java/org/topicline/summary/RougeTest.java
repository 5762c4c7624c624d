package org.topicline.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RougeTest {
  @Test
  void tinyKnownExample() {
    // candidate 我爱北京 (4 chars, 3 bigrams), reference 我爱北京天安门 (7 chars, 6 bigrams), punctuation ignored.
    Rouge.Scores s = Rouge.score("我爱北京。", "我爱，北京天安门");
    double r1 = 2 * 1.0 * (4 / 7.0) / (1.0 + 4 / 7.0);
    assertEquals(r1, s.rouge1(), 1e-12);
    double r2 = 2 * 1.0 * (3 / 6.0) / (1.0 + 3 / 6.0);
    assertEquals(r2, s.rouge2(), 1e-12);
    assertEquals(r1, s.rougeL(), 1e-12);
  }

  @Test
  void clipsRepeatedCharactersAndUsesSubsequenceForL() {
    // 中中国 vs 中国: unigram overlap clipped to 2 of 3; LCS 中国 = 2.
    Rouge.Scores s = Rouge.score("中中国", "中国");
    double f = 2 * (2 / 3.0) * 1.0 / (2 / 3.0 + 1.0);
    assertEquals(f, s.rouge1(), 1e-12);
    assertEquals(f, s.rougeL(), 1e-12);
    // bigrams 中中, 中国 vs 中国: 1 of 2 / 1 of 1.
    assertEquals(2 * 0.5 / 1.5, s.rouge2(), 1e-12);
    assertEquals(3, Rouge.lcs(new int[] {1, 2, 3, 4}, new int[] {1, 3, 4, 2}));
  }

  @Test
  void emptyTextsScoreZeroAndLatinIsCaseBlind() {
    assertEquals(0.0, Rouge.score("", "参考").rouge1());
    assertEquals(0.0, Rouge.score(null, "参考").rougeL());
    assertEquals(1.0, Rouge.score("ABC", "abc").rouge2(), 1e-12);
  }
}
