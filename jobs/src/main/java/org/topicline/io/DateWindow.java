package org.topicline.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/** The publication window of a windowed run (--from/--to, either may be open) as a filter condition. */
public final class DateWindow {
  private DateWindow() {}

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
