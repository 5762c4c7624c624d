package org.topicline.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out stories as the text a PDF extractor gets from a newspaper page, and records the truth: which stories,
 * in what order, with which titles and bodies.
 *
 * <p>What it imitates (from the real 濮阳日报 front page in {@code ../shared/seeds}): columns of a fixed width in
 * ems with lines broken anywhere (mid-word, never before closing punctuation, never inside a number), the dropped
 * two-em paragraph indent, blank lines scattered inside paragraphs, spaces inserted around punctuation and numbers,
 * headlines printed before or after their story (one page tends to one way, not always), kickers, dash subtitles,
 * bylines in the forms the papers use (本报讯（记者 …）, 据新华社…电, 新华社…电（记者 …）, 本报记者 … on its own
 * line, 又讯（记者 …） opening a follow-up item), stories cut with a jump mark （下转第二版）, stories continued from
 * another page with no headline, and a photo story (spaced-out kicker, short title, wide caption, credit … 摄).
 */
public final class PageRenderer {
  private static final String[] NAMES = {"樊欣欣", "段利梅", "王庆红", "高崟人", "边祖勇", "李明", "张华", "刘洋", "陈静",
      "杨帆", "赵磊", "周婷", "吴昊", "孙悦", "马骏", "胡晓", "郭峰", "何平"};
  private static final String[] PLACES = {"北京", "上海", "郑州", "广州", "武汉", "成都", "西安", "杭州", "南京", "濮阳"};
  private static final String[] PAGES = {"二", "三", "四", "五", "六", "七", "八"};
  /** A dateline the source text already opens with (People's Daily, Xinhua). */
  private static final Pattern DATELINE = Pattern.compile(
      "^(?:本报|新华社|据新华社|人民日报)[^，。“]{0,20}?电[\\s\\u00A0\\u3000]*(?:（[^）]{0,30}）)?");
  private static final String CLOSING = "，。、；：！？）》”’』」";

  private PageRenderer() {}

  /** A story to lay out. {@code kicker} and {@code subtitle} may be null. */
  public record Story(String title, String kicker, String subtitle, List<String> paragraphs) {}

  /**
   * The truth of one story on a page: title as printed (null when the page prints none), and the body text the
   * page carries (after any byline prefix), which tells where the story starts and ends.
   */
  public record TruthStory(String title, String kicker, String byline, String body, boolean continued,
      boolean photo) {}

  public record Page(String text, List<TruthStory> truth) {}

  /** Renders stories (3 to 7 are typical) and at most one photo onto one page. */
  public static Page render(List<Story> stories, Story photo, SplittableRandom rnd) {
    Layout l = new Layout(12 + rnd.nextInt(11), rnd);
    List<TruthStory> truth = new ArrayList<>();
    double p = rnd.nextDouble();
    // Most pages print headlines on one side; some mix.
    double afterShare = p < 0.45 ? 0.05 : p < 0.85 ? 0.95 : 0.5;
    int photoAt = photo == null ? -1 : rnd.nextInt(stories.size() + 1);
    for (int i = 0; i <= stories.size(); i++) {
      if (i == photoAt) {
        truth.add(renderPhoto(l, photo));
      }
      if (i < stories.size()) {
        boolean first = i == 0;
        truth.add(renderStory(l, stories.get(i), rnd.nextDouble() < afterShare, first));
      }
    }
    return new Page(l.text(), truth);
  }

  private static TruthStory renderStory(Layout l, Story s, boolean headlineAfter, boolean firstOnPage) {
    SplittableRandom rnd = l.rnd;
    // A story continued from another page carries no headline and no byline.
    boolean fromElsewhere = firstOnPage && rnd.nextDouble() < 0.1;
    List<String> paras = new ArrayList<>(s.paragraphs());
    boolean continued = !fromElsewhere && paras.size() > 2 && rnd.nextDouble() < 0.2;
    if (continued) {
      paras = new ArrayList<>(paras.subList(0, 1 + rnd.nextInt(paras.size() - 1)));
    }
    String bylineLine = null;
    String prefix = null;
    Matcher own = DATELINE.matcher(paras.get(0));
    if (own.lookingAt()) {
      // The story brings its own dateline: keep it as printed.
      prefix = own.group().strip();
      paras.set(0, paras.get(0).substring(own.end()).strip());
    } else if (!fromElsewhere) {
      double b = rnd.nextDouble();
      String name = name(rnd);
      if (b < 0.3) {
        prefix = "本报讯（记者 " + name + "）";
      } else if (b < 0.4) {
        prefix = "本报讯（记者 " + name + " 通讯员 " + name(rnd) + "）";
      } else if (b < 0.5) {
        prefix = "据新华社" + PLACES[rnd.nextInt(PLACES.length)] + date(rnd) + "电";
      } else if (b < 0.57) {
        prefix = "新华社" + PLACES[rnd.nextInt(PLACES.length)] + date(rnd) + "电（记者 " + name + "）";
      } else if (b < 0.72) {
        bylineLine = "本报记者 " + name;
      }
    }
    // A follow-up item under the same headline, as 又讯 prints it.
    if (!fromElsewhere && paras.size() >= 3 && rnd.nextDouble() < 0.08) {
      int at = 2 + rnd.nextInt(paras.size() - 2);
      paras.set(at, "又讯（记者 " + name(rnd) + "）" + paras.get(at));
    }
    List<String> head = new ArrayList<>();
    String kicker = fromElsewhere ? null : s.kicker();
    if (!fromElsewhere) {
      if (kicker != null) {
        head.add(kicker);
      }
      head.add(s.title());
    }
    if (!headlineAfter && !fromElsewhere) {
      headBlock(l, head, bylineLine, s.subtitle());
    }
    if (fromElsewhere) {
      l.block("（上接第" + PAGES[rnd.nextInt(PAGES.length)] + "版）");
    }
    for (int i = 0; i < paras.size(); i++) {
      String text = i == 0 && prefix != null ? prefix + " " + paras.get(i) : paras.get(i);
      l.paragraph(text);
    }
    if (continued) {
      l.block("（下转第" + PAGES[rnd.nextInt(PAGES.length)] + "版）");
    }
    if (headlineAfter && !fromElsewhere) {
      headBlock(l, head, bylineLine, s.subtitle());
    }
    String byline = prefix != null ? prefix : bylineLine;
    return new TruthStory(fromElsewhere ? null : s.title(), kicker, byline, String.join("\n", paras), continued,
        false);
  }

  private static void headBlock(Layout l, List<String> heads, String bylineLine, String subtitle) {
    for (String h : heads) {
      l.block(h);
    }
    if (bylineLine != null && l.rnd.nextBoolean()) {
      l.block(bylineLine);
      bylineLine = null;
    }
    if (subtitle != null) {
      l.block("———" + subtitle);
    }
    if (bylineLine != null) {
      l.block(bylineLine);
    }
  }

  private static TruthStory renderPhoto(Layout l, Story photo) {
    SplittableRandom rnd = l.rnd;
    if (photo.kicker() != null) {
      // Photo kickers are set spaced out: 环 卫 车.
      l.block(String.join(" ", photo.kicker().split("")));
    }
    l.block(photo.title());
    String caption = String.join("", photo.paragraphs());
    l.wide(caption, l.width * 2 + 2 + rnd.nextInt(6));
    String credit = rnd.nextBoolean() ? "本报记者 " + name(rnd) + " 通讯员 " + name(rnd) + " 摄" : name(rnd) + " 摄";
    l.block(credit);
    return new TruthStory(photo.title(), photo.kicker(), credit, caption, false, true);
  }

  private static String name(SplittableRandom rnd) {
    return NAMES[rnd.nextInt(NAMES.length)];
  }

  private static String date(SplittableRandom rnd) {
    return (1 + rnd.nextInt(12)) + "月" + (1 + rnd.nextInt(28)) + "日";
  }

  /** The page text being built: fixed-width columns and the extractor's noise. */
  private static final class Layout {
    final int width;
    final SplittableRandom rnd;
    final StringBuilder out = new StringBuilder();

    Layout(int width, SplittableRandom rnd) {
      this.width = width;
      this.rnd = rnd;
    }

    String text() {
      return out.toString();
    }

    /** A line of its own between blank lines (headlines, bylines, marks). */
    void block(String line) {
      blank();
      out.append(rnd.nextDouble() < 0.3 ? " " : "").append(line).append('\n');
      out.append('\n');
    }

    private void blank() {
      if (out.length() > 0 && !(out.length() >= 2 && out.charAt(out.length() - 1) == '\n'
          && out.charAt(out.length() - 2) == '\n')) {
        out.append('\n');
      }
    }

    /** A body paragraph: the first line two ems short (the indent extraction drops), broken at column width. */
    void paragraph(String text) {
      if (rnd.nextDouble() < 0.4) {
        blank();
      }
      emit(breakLines(text, width - 2, width));
    }

    void wide(String text, int w) {
      blank();
      emit(breakLines(text, w, w));
      out.append('\n');
    }

    private void emit(List<String> lines) {
      for (String line : lines) {
        out.append(noise(line)).append('\n');
        if (rnd.nextDouble() < 0.1) {
          out.append('\n');
        }
      }
    }

    /** Breaks text into lines of at most {@code w} ems; closing punctuation hangs; numbers stay whole. */
    List<String> breakLines(String text, int first, int w) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      double used = 0;
      int cap = first;
      int i = 0;
      while (i < text.length()) {
        int end = i + 1;
        char c = text.charAt(i);
        if (isAsciiWord(c)) {
          while (end < text.length() && isAsciiWord(text.charAt(end))) {
            end++;
          }
        }
        String token = text.substring(i, end);
        double tw = 0;
        for (int k = 0; k < token.length(); k++) {
          tw += token.charAt(k) < 0x2000 ? 0.5 : 1;
        }
        boolean hangs = CLOSING.indexOf(c) >= 0 && line.length() > 0;
        if (used + tw > cap && line.length() > 0 && !hangs) {
          lines.add(line.toString());
          line.setLength(0);
          used = 0;
          cap = w;
        }
        line.append(token);
        used += tw;
        i = end;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      return lines;
    }

    private static boolean isAsciiWord(char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '%';
    }

    /** The spaces extractors insert: after punctuation, around numbers, now and then between characters. */
    private String noise(String line) {
      StringBuilder b = new StringBuilder(line.length() + 8);
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
        boolean digitEdge = next != 0 && (Character.isDigit(c) != Character.isDigit(next)) && c != ' ' && next != ' '
            && (Character.isDigit(c) || Character.isDigit(next));
        b.append(c);
        if (next == 0) {
          break;
        }
        if (c < 0x80 && next < 0x80 && !(Character.isDigit(c) && Character.isDigit(next))) {
          // Extractors split Chinese, not Latin words.
          continue;
        }
        if ("。，；：”）".indexOf(c) >= 0 && rnd.nextDouble() < 0.12
            || "，、）”".indexOf(next) >= 0 && rnd.nextDouble() < 0.05
            || digitEdge && rnd.nextDouble() < 0.4
            || rnd.nextDouble() < 0.004) {
          b.append(' ');
        }
      }
      return b.toString();
    }
  }
}
