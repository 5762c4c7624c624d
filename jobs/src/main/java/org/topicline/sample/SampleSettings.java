package org.topicline.sample;

import org.topicline.conf.TopiclineConf;

/** The {@code topicline.sample} section: defaults of {@code generate-sample}, which its flags override. */
public record SampleSettings(int years, int startYear, int perDay, long seed) {

  public static SampleSettings from(TopiclineConf conf) {
    return new SampleSettings(
        conf.getInt("sample.years", 1, SampleOptions.MAX_YEARS),
        conf.getInt("sample.start-year", 1949, 2100),
        conf.getInt("sample.per-day", 1, SampleOptions.MAX_PER_DAY),
        conf.getLong("sample.seed"));
  }

  /** Options from these defaults, each replaced by its flag when the flag was given (null otherwise). */
  public SampleOptions options(Integer yearsFlag, Integer startYearFlag, Integer perDayFlag, Long seedFlag) {
    return new SampleOptions(
        yearsFlag != null ? yearsFlag : years,
        startYearFlag != null ? startYearFlag : startYear,
        perDayFlag != null ? perDayFlag : perDay,
        seedFlag != null ? seedFlag : seed);
  }
}
