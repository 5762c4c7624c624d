package org.topicline.io;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
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
    Column bucket = pmod(xxhash64(keys), lit(BUCKETS));
    return bucket.geq(lit((int) Math.round(from * BUCKETS))).and(bucket.lt(lit((int) Math.round(to * BUCKETS))));
  }
}
