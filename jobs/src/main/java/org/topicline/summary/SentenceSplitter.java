package org.topicline.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into sentences at sentence ends (。！？； and their ASCII forms) and at paragraph breaks, never at
 * commas. A run of end marks, an ellipsis before them and the closing quotes or brackets after them stay with their
 * sentence. An ASCII full stop ends a sentence only where it cannot be a decimal point (3.5), part of a number
 * (1.2.3), an ellipsis or an English abbreviation (Mr. / U.S.).
 */
public final class SentenceSplitter {
  /**
   * One sentence: its place among the text's sentences, the paragraph it starts in, where its text starts in the
   * split text (a char offset), and its text.
   */
  public record Sentence(int index, int paragraph, int start, String text) implements java.io.Serializable {}

  private static final String CLOSERS = "”’」』）)]】》〉\"'";
  private static final String TYPOGRAPHIC_CLOSERS = "”’」』）】》〉";
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "no", "fig", "e.g", "i.e",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

  private SentenceSplitter() {}

  public static List<Sentence> split(String text) {
    List<Sentence> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int paragraph = 0;
    int from = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      if (i < n && !isLineBreak(text.charAt(i))) {
        continue;
      }
      int before = out.size();
      splitParagraph(text.substring(from, i), from, paragraph, out);
      if (out.size() > before) {
        paragraph++;
      }
      if (i + 1 < n && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
        i++;
      }
      from = i + 1;
    }
    return out;
  }

  /** A line break as {@code \R} has it (CR LF counts once). */
  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028'
        || c == '\u2029';
  }

  /** Splits one paragraph that starts at {@code offset} in the text. */
  private static void splitParagraph(String p, int offset, int paragraph, List<Sentence> out) {
    int n = p.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = p.charAt(i);
      int end = -1;
      if (isStrongEnd(c)) {
        end = i + 1;
      } else if (c == '.' && isFullStop(p, i)) {
        end = i + 1;
      }
      if (end < 0) {
        i++;
        continue;
      }
      // Consume a run of end marks (！？, ?!, ......) and then the closing quotes and brackets.
      while (end < n && (isStrongEnd(p.charAt(end)) || p.charAt(end) == '.' || p.charAt(end) == '…')) {
        end++;
      }
      while (end < n && CLOSERS.indexOf(p.charAt(end)) >= 0 && closes(p, start, end)) {
        end++;
      }
      // Page text puts spaces between a full stop and its closing quote (。 ”); the quote still closes.
      int gap = end;
      while (gap < n && (p.charAt(gap) == ' ' || p.charAt(gap) == '\u3000')) {
        gap++;
      }
      if (gap > end && gap < n && TYPOGRAPHIC_CLOSERS.indexOf(p.charAt(gap)) >= 0) {
        end = gap + 1;
      }
      add(p.substring(start, end), offset + start, paragraph, out);
      start = end;
      i = end;
    }
    if (start < n) {
      add(p.substring(start), offset + start, paragraph, out);
    }
  }

  private static boolean isStrongEnd(char c) {
    return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';';
  }

  /**
   * A straight quote or ASCII bracket after an end mark closes the sentence only when the sentence opened one;
   * typographic closers always do.
   */
  private static boolean closes(String p, int start, int at) {
    char c = p.charAt(at);
    if (c == '"' || c == '\'') {
      int count = 0;
      for (int k = start; k < at; k++) {
        if (p.charAt(k) == c) {
          count++;
        }
      }
      return count % 2 == 1;
    }
    return true;
  }

  private static boolean isFullStop(String p, int i) {
    int n = p.length();
    char prev = i > 0 ? p.charAt(i - 1) : ' ';
    char next = i + 1 < n ? p.charAt(i + 1) : ' ';
    if (prev == '.' || next == '.') {
      return false; // an ellipsis "..." is not a sentence end by itself
    }
    if (Character.isDigit(next)) {
      return false; // 3.5, 1.2.3, .5
    }
    if (Character.isLetter(next) && next < 0x3000) {
      return false; // U.S., e.g, file.txt, www.cctv.com
    }
    if (isLatinLetter(prev)) {
      int w = i;
      while (w > 0 && (isLatinLetter(p.charAt(w - 1)) || p.charAt(w - 1) == '.')) {
        w--;
      }
      String word = p.substring(w, i).toLowerCase(java.util.Locale.ROOT);
      if (ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isUpperCase(prev) || word.contains(".")) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLatinLetter(char c) {
    return c < 0x250 && Character.isLetter(c);
  }

  private static void add(String raw, int offset, int paragraph, List<Sentence> out) {
    String t = raw.strip();
    if (t.codePoints().anyMatch(Character::isLetterOrDigit)) {
      out.add(new Sentence(out.size(), paragraph, offset + raw.length() - raw.stripLeading().length(), t));
    }
  }
}
