package org.topicline.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cleaning shared by every input format: HTML to paragraphs, white space, title prefixes. */
public final class TextCleaning {
  private static final Pattern BLOCK_TAG = Pattern.compile("(?i)<\\s*(?:br|/p|p|/div|div|/li|li|/h[1-6]|h[1-6]|tr|/tr)\\b[^>]*>");
  private static final Pattern SCRIPT = Pattern.compile("(?is)<\\s*(script|style)\\b.*?<\\s*/\\s*\\1\\s*>");
  private static final Pattern ANY_TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
  private static final Pattern VIDEO_PREFIX = Pattern.compile("^\\s*[\\[【［](?:视频|視頻)[\\]】］]\\s*");
  /** Horizontal white space, including the ideographic space used for indentation and NBSP. */
  private static final Pattern HSPACE = Pattern.compile("[\\t\\x0B\\f \\u00A0\\u3000\\u2002\\u2003\\u2009\\uFEFF]+");

  private TextCleaning() {}

  /** HTML (xwlb content) to plain paragraphs, one per line. */
  public static String htmlToText(String html) {
    if (html == null) {
      return "";
    }
    String s = SCRIPT.matcher(html).replaceAll(" ");
    s = BLOCK_TAG.matcher(s).replaceAll("\n");
    s = ANY_TAG.matcher(s).replaceAll("");
    s = unescapeEntities(s);
    return paragraphs(s);
  }

  /**
   * Normalises white space: CRLF to LF, indentation and trailing spaces removed, runs of spaces folded, blank lines
   * dropped, so paragraphs are separated by exactly one newline.
   */
  public static String paragraphs(String text) {
    if (text == null) {
      return "";
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
    StringBuilder b = new StringBuilder(text.length());
    for (String line : lines) {
      String t = HSPACE.matcher(line).replaceAll(" ").strip();
      if (!t.isEmpty()) {
        if (b.length() > 0) {
          b.append('\n');
        }
        b.append(t);
      }
    }
    return b.toString();
  }

  /** A title on one line, without the broadcaster's {@code [视频]} prefix. */
  public static String title(String title) {
    if (title == null) {
      return null;
    }
    String t = VIDEO_PREFIX.matcher(title).replaceFirst("");
    t = HSPACE.matcher(t.replace('\n', ' ').replace('\r', ' ')).replaceAll(" ").strip();
    return t.isEmpty() ? null : t;
  }

  public static String unescapeEntities(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = ENTITY.matcher(s);
    StringBuilder b = new StringBuilder(s.length());
    while (m.find()) {
      String e = m.group(1);
      String rep;
      if (e.startsWith("#x") || e.startsWith("#X")) {
        rep = codePoint(e.substring(2), 16, m.group());
      } else if (e.startsWith("#")) {
        rep = codePoint(e.substring(1), 10, m.group());
      } else {
        rep = switch (e) {
          case "amp" -> "&";
          case "lt" -> "<";
          case "gt" -> ">";
          case "quot" -> "\"";
          case "apos" -> "'";
          case "nbsp" -> " ";
          case "ldquo" -> "“";
          case "rdquo" -> "”";
          case "lsquo" -> "‘";
          case "rsquo" -> "’";
          case "middot" -> "·";
          case "mdash" -> "—";
          case "hellip" -> "…";
          default -> m.group();
        };
      }
      m.appendReplacement(b, Matcher.quoteReplacement(rep));
    }
    m.appendTail(b);
    return b.toString();
  }

  /**
   * The character a numeric entity names, or the entity's own text when it names none (too many digits, beyond
   * U+10FFFF, a surrogate): one bad entity must not cost the record or the file.
   */
  private static String codePoint(String digits, int radix, String entity) {
    int cp;
    try {
      cp = Integer.parseInt(digits, radix);
    } catch (NumberFormatException e) {
      return entity;
    }
    if (!Character.isValidCodePoint(cp) || Character.getType(cp) == Character.SURROGATE) {
      return entity;
    }
    return new String(Character.toChars(cp));
  }

  /** The body reduced to letters and digits, for exact duplicate detection. */
  public static String contentKey(String body) {
    StringBuilder b = new StringBuilder(body.length());
    body.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }
}
