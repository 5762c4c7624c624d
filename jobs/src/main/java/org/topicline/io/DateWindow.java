package org.topicline.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/** The publication window of a windowed run (--from/--to, either may be open) as a filter condition. */
public final class DateWindow {
  private DateWindow() {}

  /**
   * {@code dateColumn} in the whole months of [from, to]. A windowed run rewrites the {@code year}/{@code month}
   * partitions it writes to as a whole, so it must write every day of them: a one-day window (the nightly
   * {@code --since-last-run}) would otherwise leave only that day in its month.
   */
  public static Column withinMonths(String dateColumn, LocalDate from, LocalDate to) {
    return within(dateColumn, monthStart(from), monthEnd(to));
  }

  /** The first day of {@code d}'s month; null stays null (open). */
  public static LocalDate monthStart(LocalDate d) {
    return d == null ? null : d.withDayOfMonth(1);
  }

  /** The last day of {@code d}'s month; null stays null (open). */
  public static LocalDate monthEnd(LocalDate d) {
    return d == null ? null : d.withDayOfMonth(d.lengthOfMonth());
  }

  /** {@code dateColumn} in [from, to]; a null bound is open; always true when both are null. */
  public static Column within(String dateColumn, LocalDate from, LocalDate to) {
    Column c = lit(true);
    if (from != null) {
      c = c.and(col(dateColumn).geq(lit(java.sql.Date.valueOf(from))));
    }
    if (to != null) {
      c = c.and(col(dateColumn).leq(lit(java.sql.Date.valueOf(to))));
    }
    return c;
  }
}
