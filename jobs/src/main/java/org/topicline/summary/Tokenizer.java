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

    @Override
    public List<String> tokens(String text) {
      List<String> units = new java.util.ArrayList<>();
      int n = text.length();
      int i = 0;
      while (i < n) {
        int cp = text.codePointAt(i);
        int len = Character.charCount(cp);
        if (isAsciiWordChar(cp)) {
          int j = i;
          while (j < n && isAsciiWordChar(text.charAt(j))) {
            j++;
          }
          units.add(text.substring(i, j).toLowerCase(java.util.Locale.ROOT));
          i = j;
        } else if (Character.isLetterOrDigit(cp)) {
          units.add(text.substring(i, i + len));
          i += len;
        } else {
          units.add(null); // punctuation breaks pairs
          i += len;
        }
      }
      List<String> out = new java.util.ArrayList<>();
      for (int k = 0; k + 1 < units.size(); k++) {
        if (units.get(k) != null && units.get(k + 1) != null) {
          out.add(units.get(k) + units.get(k + 1));
        }
      }
      return out;
    }

    private static boolean isAsciiWordChar(int c) {
      return c < 128 && Character.isLetterOrDigit(c);
    }
  }
}
