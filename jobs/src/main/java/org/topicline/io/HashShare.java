package org.topicline.io;

import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;

/**
 * A share of the rows chosen by a hash of their key: the same rows on any number of cores, in any partitioning and
 * on every run. {@code Dataset.randomSplit} and {@code Dataset.sample} seed each partition separately, so the rows
 * they choose change with the partitioning (the supervised mode's held-out share did, README). Rows with equal keys
 * fall on the same side.
 */
public final class HashShare {
  /** The share's resolution: fractions are rounded to thousandths. */
  private static final int BUCKETS = 1000;

  private HashShare() {}

  /** True for about {@code fraction} of the rows: those whose keys hash into the first buckets. */
  public static Column of(double fraction, Column... keys) {
    return range(0, fraction, keys);
  }

  /**
   * True for the rows whose keys hash into [{@code from}, {@code to}) of the unit interval: consecutive ranges
   * split the rows into disjoint folds that together hold every row.
   */
  public static Column range(double from, double to, Column... keys) {
    Column bucket = bucket(keys);
    return bucket.geq(lit(edge(from))).and(bucket.lt(lit(edge(to))));
  }

  /**
   * The fold (0 to {@code folds - 1}) of the rows outside {@link #of}{@code (share, keys)}, -1 for the rows in it:
   * the rest of the unit interval cut into {@code folds} consecutive ranges of about equal size.
   */
  public static Column fold(double share, int folds, Column... keys) {
    Column bucket = bucket(keys);
    int from = edge(share);
    return when(bucket.lt(lit(from)), lit(-1))
        .otherwise(floor(bucket.minus(lit(from)).multiply(lit(folds)).divide(lit(BUCKETS - from))).cast("int"));
  }

  private static Column bucket(Column... keys) {
    return pmod(xxhash64(keys), lit(BUCKETS));
  }

  private static int edge(double fraction) {
    return (int) Math.round(fraction * BUCKETS);
  }
}
