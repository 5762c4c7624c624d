package org.topicline.report;

import java.util.Locale;
import org.topicline.report.ReviewData.ArticleLine;
import org.topicline.report.ReviewData.TopicSection;

/**
 * The report's articles nearest each threshold as a labelling sheet: a CSV in the long form that {@code train
 * --gold} reads ({@code article_id}, {@code topic}, {@code label}), with {@code label} left blank for the reviewer
 * to fill with 1 or 0 by the rubric, and the model's probability, label, the rules' reading and the title beside
 * it. A blank label is refused by {@code train --gold}, so a half-filled sheet cannot pass for a labelled one.
 */
final class ReviewLabels {
  static final String HEADER = "article_id,topic,label,probability,model_label,rules,title";

  private ReviewLabels() {}

  static String csv(ReviewData data) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (TopicSection t : data.topics()) {
      for (ArticleLine a : t.review()) {
        b.append(a.articleId()).append(',').append(t.id()).append(",,")
            .append(String.format(Locale.ROOT, "%.4f", a.probability())).append(',').append(a.label() ? 1 : 0)
            .append(',').append(a.rules() == null ? "" : a.rules())
            .append(',').append(quoted(a.title())).append('\n');
      }
    }
    return b.toString();
  }

  /** RFC 4180 quoting; the title is the last column, so a reader that splits on commas still finds the others. */
  private static String quoted(String s) {
    return "\"" + (s == null ? "" : s.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ')) + "\"";
  }
}
