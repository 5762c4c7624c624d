package org.topicline.report;

import org.topicline.conf.TopiclineConf;

/**
 * The {@code topicline.report} section: how much of each list the review report shows, and which browser renders
 * it to PNG or PDF.
 *
 * @param topArticles per topic, the most confident labelled articles listed with their summaries and evidence
 * @param reviewArticles per topic, the articles nearest the decision threshold (either side) listed for review
 * @param runs latest {@code runs} rows listed
 * @param digests latest monthly digests per topic
 * @param risingTerms rising terms of each topic's latest month
 * @param browser a headless Chromium (path or command); empty: the first of chromium, chromium-browser,
 *     google-chrome found on PATH
 */
public record ReportSettings(int topArticles, int reviewArticles, int runs, int digests, int risingTerms,
    String browser) {
  public static final String SECTION = "report";

  public static ReportSettings from(TopiclineConf conf) {
    return new ReportSettings(
        conf.getInt(SECTION + ".top-articles", 0, 1000),
        conf.getInt(SECTION + ".review-articles", 0, 1000),
        conf.getInt(SECTION + ".runs", 0, 1000),
        conf.getInt(SECTION + ".digests", 0, 100),
        conf.getInt(SECTION + ".rising-terms", 0, 100),
        conf.getString(SECTION + ".browser").strip());
  }
}
