package org.topicline.trends;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.to_date;

import java.util.Locale;
import org.apache.spark.sql.Column;

/** The calendar periods a trend is counted in. Weeks start on Monday (ISO), quarters in January, April, ... */
public enum Granularity {
  DAY("day", "1 day"),
  WEEK("week", "1 week"),
  MONTH("month", "1 month"),
  QUARTER("quarter", "3 months"),
  YEAR("year", "1 year");

  private final String sqlUnit;
  private final String step;

  Granularity(String sqlUnit, String step) {
    this.sqlUnit = sqlUnit;
    this.step = step;
  }

  /** The value stored in the {@code granularity} column. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The first day of the period holding {@code date}. */
  public Column periodStart(Column date) {
    return this == DAY ? to_date(date) : to_date(date_trunc(sqlUnit, date));
  }

  /** The period one calendar year before the period starting at {@code start} (Monday of that week for weeks). */
  public Column yearAgo(Column start) {
    return periodStart(add_months(start, -12));
  }

  /** The step between consecutive period starts, as a Spark SQL interval literal. */
  public String step() {
    return step;
  }

  public static Granularity parse(String s) {
    return valueOf(s.strip().toUpperCase(Locale.ROOT));
  }
}
