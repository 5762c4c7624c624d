package org.topicline.ingest;

import java.io.Serializable;

/**
 * MinHash signatures of character shingles by one-permutation hashing (Li, Owen and Zhang 2012): each shingle is
 * hashed once, the hash picks one of {@code size} bins and the bin keeps its smallest value; empty bins (texts with
 * few shingles) borrow the value of the next filled bin, marked by the distance (densification by rotation,
 * Shrivastava and Li 2014), so equal positions still estimate the Jaccard similarity. One hash per shingle instead
 * of {@code size}: signatures were 13 % of ingest's time.
 */
public final class MinHash implements Serializable {
  private final int size;
  private final int shingle;

  public MinHash(int size, int shingle) {
    if (size < 1 || shingle < 1) {
      throw new IllegalArgumentException("size and shingle must be positive");
    }
    this.size = size;
    this.shingle = shingle;
  }

  public int[] signature(String text) {
    int[] sig = new int[size];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    int n = text.length();
    if (n == 0) {
      return sig;
    }
    boolean[] filled = new boolean[size];
    int k = Math.min(shingle, n);
    for (int start = 0; start + k <= n; start++) {
      long h = 1125899906842597L;
      for (int i = start; i < start + k; i++) {
        h = 31 * h + text.charAt(i);
      }
      // Fixed mixing: signatures, and so duplicate decisions, are the same on every run.
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      h ^= h >>> 33;
      int bin = (int) (((h >>> 32) * size) >>> 32);
      int v = (int) (h & 0x7fffffff);
      if (v < sig[bin]) {
        sig[bin] = v;
      }
      filled[bin] = true;
    }
    for (int j = 0; j < size; j++) {
      if (!filled[j]) {
        for (int t = 1; t < size; t++) {
          int from = (j + t) % size;
          if (filled[from]) {
            // The distance is part of the value: a borrowed value only equals one borrowed the same way.
            sig[j] = (sig[from] ^ (t * 0x9E3779B9)) & 0x7fffffff;
            break;
          }
        }
      }
    }
    return sig;
  }

  /** The share of equal positions: an estimate of the Jaccard similarity of the two shingle sets. */
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
