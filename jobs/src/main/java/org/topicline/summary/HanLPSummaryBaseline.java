package org.topicline.summary;

import com.hankcs.hanlp.HanLP;

/**
 * HanLP's own extractive summary ({@code TextRankSentence}), the baseline the evaluation compares against. The one
 * place outside {@code org.topicline.text} that calls HanLP: a baseline must be HanLP's code as shipped, not our
 * tokens fed to our ranker.
 */
final class HanLPSummaryBaseline {
  private HanLPSummaryBaseline() {}

  static String summary(String body, int budgetChars) {
    return HanLP.getSummary(body, budgetChars);
  }
}
