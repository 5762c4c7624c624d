package org.topicline.summary;

import java.io.Serializable;
import java.util.List;

/**
 * Turns a sentence into the tokens the ranker compares. Built on the driver and shipped to executors as a value;
 * the pipeline's word tokeniser plugs in here, and {@link #charBigrams()} serves text without one.
 */
@FunctionalInterface
public interface Tokenizer extends Serializable {
  List<String> tokens(String text);

  /**
   * Overlapping pairs of letters or digits (a run of Latin letters or digits counts as one unit): a segmenter-free
   * way to compare Chinese sentences, since shared words share bigrams.
   */
  static Tokenizer charBigrams() {
    return CharBigrams.INSTANCE;
  }

  /** Char bigrams as a named singleton, so that it serialises without a lambda. */
  enum CharBigrams implements Tokenizer {
    INSTANCE;

    /**
     * Units are found left to right; a pair of adjacent units is cut from the text as it stands (one string per
     * bigram) unless a unit had to be lower-cased.
     */
    @Override
    public List<String> tokens(String text) {
      List<String> out = new java.util.ArrayList<>();
      int n = text.length();
      int prevStart = -1; // the previous unit when it directly precedes this one, else -1 (punctuation breaks pairs)
      String prevLower = null; // the previous unit lower-cased, when that changed it
      int i = 0;
      while (i < n) {
        int cp = text.codePointAt(i);
        int end;
        String lower = null;
        if (isAsciiWordChar(cp)) {
          end = i;
          while (end < n && isAsciiWordChar(text.charAt(end))) {
            end++;
          }
          String unit = text.substring(i, end);
          String l = unit.toLowerCase(java.util.Locale.ROOT);
          lower = l.equals(unit) ? null : l;
        } else if (Character.isLetterOrDigit(cp)) {
          end = i + Character.charCount(cp);
        } else {
          prevStart = -1;
          i += Character.charCount(cp);
          continue;
        }
        if (prevStart >= 0) {
          out.add(prevLower == null && lower == null ? text.substring(prevStart, end)
              : unit(text, prevStart, i, prevLower) + unit(text, i, end, lower));
        }
        prevStart = i;
        prevLower = lower;
        i = end;
      }
      return out;
    }

    private static String unit(String text, int from, int to, String lower) {
      return lower != null ? lower : text.substring(from, to);
    }

    private static boolean isAsciiWordChar(int c) {
      return c < 128 && Character.isLetterOrDigit(c);
    }
  }
}
