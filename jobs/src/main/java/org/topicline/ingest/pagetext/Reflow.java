package org.topicline.ingest.pagetext;

/**
 * Character-level repair of text extracted from page PDFs: the spaces extraction inserts between CJK characters,
 * before CJK punctuation and inside numbers go; the spaces between Latin words stay. Also the display width of a
 * line (a CJK character is one em, Latin letters and digits half an em), which tells full column lines from short
 * last lines and headlines.
 */
public final class Reflow {
  private Reflow() {}

  /** CJK ideographs, kana, hangul and the full-width forms and punctuation set in the same em boxes. */
  public static boolean isCjk(int c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL || isCjkPunct(c);
  }

  /** Full-width punctuation, including the curly quotes, dashes and ellipsis Chinese text sets full width. */
  public static boolean isCjkPunct(int c) {
    return (c >= 0x3000 && c <= 0x303F && c != 0x3000) || (c >= 0xFF01 && c <= 0xFF65)
        || c == '“' || c == '”' || c == '‘' || c == '’' || c == '—' || c == '…' || c == '·' || c == '•';
  }

  static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003 || c == 0x2009
        || c == 0xFEFF;
  }

  private static boolean isNumberPart(int c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '%' || c == ',';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Removes the white space extraction put inside Chinese text: any run of spaces next to a CJK character or
   * full-width punctuation, and spaces between the parts of a number ({@code 7. 8}, {@code 20 23}). Spaces between
   * Latin words, and between a Latin word and a number ({@code iPhone 14}), are kept as one space.
   */
  public static String cleanSpaces(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      int c = s.codePointAt(i);
      if (!isSpace(c)) {
        b.appendCodePoint(c);
        i += Character.charCount(c);
        continue;
      }
      int j = i;
      while (j < n && isSpace(s.codePointAt(j))) {
        j += Character.charCount(s.codePointAt(j));
      }
      if (b.length() > 0 && j < n) {
        int prev = b.codePointBefore(b.length());
        int next = s.codePointAt(j);
        boolean keep = !isCjk(prev) && !isCjk(next)
            && !(isNumberPart(prev) && isNumberPart(next) && (isDigit(prev) || isDigit(next)))
            && !isOpening(prev) && !isClosing(next);
        if (keep) {
          b.append(' ');
        }
      }
      i = j;
    }
    return b.toString();
  }

  private static boolean isOpening(int c) {
    return c == '(' || c == '[';
  }

  private static boolean isClosing(int c) {
    return c == ')' || c == ']' || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
  }

  /**
   * Joins the next line of the same paragraph to {@code left}. Chinese needs no separator; a Latin word broken with
   * a hyphen is rejoined; two Latin words broken at a space get it back.
   */
  public static String joinLines(String left, String right) {
    if (left.isEmpty()) {
      return right;
    }
    if (right.isEmpty()) {
      return left;
    }
    int a = left.codePointBefore(left.length());
    int z = right.codePointAt(0);
    if (a == '-' && left.length() >= 2 && Character.isLetter(left.codePointBefore(left.length() - 1))
        && Character.isLowerCase(z)) {
      return left.substring(0, left.length() - 1) + right;
    }
    if (isLatinLetter(a) && isLatinLetter(z)) {
      return left + " " + right;
    }
    return left + right;
  }

  private static boolean isLatinLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Display width in ems: CJK one, other visible characters half, spaces nothing (extraction inserts them). */
  public static double width(String line) {
    double w = 0;
    for (int i = 0; i < line.length(); ) {
      int c = line.codePointAt(i);
      i += Character.charCount(c);
      if (isSpace(c)) {
        continue;
      }
      w += isCjk(c) ? 1.0 : 0.5;
    }
    return w;
  }

  /**
   * A headline line: headlines separate their phrases with a space ({@code 当好经济发展参谋助手 积极贡献发改力量}),
   * which stays; spaces inside a spaced-out word ({@code 环 卫 车}) or next to punctuation go.
   */
  public static String headline(String line) {
    String[] parts = line.strip().split("[\\s\\u3000\\u00A0]+");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        String prev = parts[i - 1];
        String cur = parts[i];
        boolean phrases = prev.codePointCount(0, prev.length()) >= 3 && cur.codePointCount(0, cur.length()) >= 3
            && !isCjkPunct(prev.codePointBefore(prev.length())) && !isCjkPunct(cur.codePointAt(0));
        boolean latin = !isCjk(prev.codePointBefore(prev.length())) && !isCjk(cur.codePointAt(0));
        if (phrases || latin) {
          b.append(' ');
        }
      }
      b.append(parts[i]);
    }
    return b.toString();
  }

  /** Reflows a paragraph given as its extracted lines: joined, then spaces cleaned. */
  public static String paragraph(java.util.List<String> lines) {
    String joined = "";
    for (String l : lines) {
      joined = joinLines(joined, l.strip());
    }
    return cleanSpaces(joined).strip();
  }
}
