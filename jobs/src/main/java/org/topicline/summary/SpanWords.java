package org.topicline.summary;

import com.hankcs.hanlp.dictionary.other.CharTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the analyzer's words of a whole text back into the spans (sentences) they came from, so that keywords can
 * use the words {@code article_tokens} stores for the body instead of segmenting each sentence again.
 *
 * <p>The analyzer segments the normalised text ({@link org.topicline.text.TextAnalyzer#normalise}, one char in, one
 * char out) and keeps its words in order, dropping punctuation and stop words; each word is therefore found in the
 * normalised text at or after the end of the word before it. A word belongs to the span it starts in; words outside
 * every span (cut lead-ins, boilerplate, fragments) are left out. A word that cannot be found is left out too: both
 * readers of this class (stored words and words segmented on the fly) see the same words, so they get the same spans.
 */
final class SpanWords {
  private SpanWords() {}

  /**
   * The words of {@code text} that start in each span {@code [starts[k], ends[k])}; spans are in text order and do
   * not overlap.
   */
  static List<List<String>> of(String text, List<String> words, int[] starts, int[] ends) {
    List<List<String>> out = new ArrayList<>(starts.length);
    if (starts.length == 0) {
      return out;
    }
    String norm = normalise(text);
    int from = 0;
    int w = 0;
    for (int k = 0; k < starts.length; k++) {
      List<String> span = new ArrayList<>();
      while (w < words.size()) {
        String word = words.get(w);
        int at = norm.indexOf(word, from);
        if (at < 0) {
          w++;
          continue;
        }
        if (at >= ends[k]) {
          break; // a later span's word: the search ends after the last span, however long the text
        }
        w++;
        from = at + word.length();
        if (at >= starts[k]) {
          span.add(word);
        }
      }
      out.add(span);
    }
    return out;
  }

  /**
   * The analyzer's normalisation with offsets kept: full-width to half-width and traditional to simplified per
   * char, then lower case per char ({@code String.toLowerCase} would turn the odd letter such as İ into two chars
   * and shift every offset after it).
   */
  static String normalise(String text) {
    char[] c = CharTable.convert(text).toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }
}
