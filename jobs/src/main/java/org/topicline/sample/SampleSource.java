package org.topicline.sample;

import java.time.LocalDate;

/**
 * The invented outlets of the sample corpus. Each writes its dates its own way (all among the formats the generic
 * ingest reads by default), so the demo exercises date parsing as real exports do.
 */
public enum SampleSource {
  DAILY("示例日报", 35, "本报记者 "),
  TV("示例电视台", 25, "示例电视台记者 "),
  WEB("示例新闻网", 20, "示例新闻网记者 "),
  EVENING("示例晚报", 12, "晚报记者 "),
  BUSINESS("示例经济报", 8, "本报记者 ");

  private final String displayName;
  private final int weight;
  private final String bylinePrefix;

  SampleSource(String displayName, int weight, String bylinePrefix) {
    this.displayName = displayName;
    this.weight = weight;
    this.bylinePrefix = bylinePrefix;
  }

  public String displayName() {
    return displayName;
  }

  int weight() {
    return weight;
  }

  String byline(String reporter) {
    return bylinePrefix + reporter;
  }

  /** The date as this outlet's export writes it. */
  public String dateText(LocalDate d) {
    return switch (this) {
      case TV -> d + " 19:00:00";
      case EVENING -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
      default -> d.toString();
    };
  }

  public static SampleSource of(String displayName) {
    for (SampleSource s : values()) {
      if (s.displayName.equals(displayName)) {
        return s;
      }
    }
    throw new IllegalArgumentException("not a sample source: " + displayName);
  }
}
