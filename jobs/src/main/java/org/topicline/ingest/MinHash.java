package org.topicline.ingest;

import java.io.Serializable;

/**
 * MinHash signatures of character shingles. Each of the {@code size} hash functions is a multiply-shift of one
 * 64-bit hash of the shingle, so a signature costs one string hash per shingle plus {@code size} multiplications.
 */
public final class MinHash implements Serializable {
  private final int size;
  private final int shingle;
  private final long[] multipliers;
  private final long[] addends;

  public MinHash(int size, int shingle) {
    this.size = size;
    this.shingle = shingle;
    this.multipliers = new long[size];
    this.addends = new long[size];
    // Fixed seeds: signatures, and so duplicate decisions, are the same on every run.
    java.util.SplittableRandom random = new java.util.SplittableRandom(0x70_1c_11_e5L);
    for (int i = 0; i < size; i++) {
      multipliers[i] = random.nextLong() | 1L;
      addends[i] = random.nextLong();
    }
  }

  public int[] signature(String text) {
    int[] sig = new int[size];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    int n = text.length();
    if (n == 0) {
      return sig;
    }
    int k = Math.min(shingle, n);
    for (int start = 0; start + k <= n; start++) {
      long h = 1125899906842597L;
      for (int i = start; i < start + k; i++) {
        h = 31 * h + text.charAt(i);
      }
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      for (int i = 0; i < size; i++) {
        int v = (int) ((multipliers[i] * h + addends[i]) >>> 33);
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    return sig;
  }

  /** The share of equal positions: an estimate of the Jaccard similarity of the two shingle sets. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return a.length == 0 ? 0 : (double) same / a.length;
  }

  static double similarity(scala.collection.immutable.Seq<Integer> a, scala.collection.immutable.Seq<Integer> b) {
    int n = a.length();
    int same = 0;
    for (int i = 0; i < n; i++) {
      if (a.apply(i).equals(b.apply(i))) {
        same++;
      }
    }
    return n == 0 ? 0 : (double) same / n;
  }
}
