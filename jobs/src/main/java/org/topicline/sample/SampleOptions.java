package org.topicline.sample;

import java.time.LocalDate;

/**
 * What to generate: {@code years} whole calendar years from {@code startYear}, about {@code perDay} articles a day,
 * from {@code seed}. The same options always give the same corpus.
 */
public record SampleOptions(int years, int startYear, int perDay, long seed) {
  public static final int MAX_YEARS = 30;
  public static final int MAX_PER_DAY = 500;

  public SampleOptions {
    if (years < 1 || years > MAX_YEARS) {
      throw new IllegalArgumentException("--years must be between 1 and " + MAX_YEARS + ", was " + years);
    }
    if (startYear < 1949 || startYear > 2100) {
      throw new IllegalArgumentException("--start-year must be between 1949 and 2100, was " + startYear);
    }
    if (perDay < 1 || perDay > MAX_PER_DAY) {
      throw new IllegalArgumentException("--per-day must be between 1 and " + MAX_PER_DAY + ", was " + perDay);
    }
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, 1, 1);
  }

  /** The last day, inclusive. */
  public LocalDate lastDay() {
    return LocalDate.of(startYear + years - 1, 12, 31);
  }
}
