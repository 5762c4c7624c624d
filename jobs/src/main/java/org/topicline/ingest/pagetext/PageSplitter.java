package org.topicline.ingest.pagetext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the text of one extracted newspaper page into stories.
 *
 * <p>Steps: 1) measure the column width (the width three quarters of the lines stay within); 2) rebuild paragraphs
 * from lines, using line width and end punctuation (a full line without a sentence end continues, even across the
 * blank lines extraction scatters) and classify each: body, headline, dash subtitle, byline line, credit
 * ({@code …摄}), jump mark; 3) cut out photo stories (caption before a credit, with the short title and label just
 * before it) — a photo also ends the run before it; 4) group consecutive headline lines, and cut the body into runs
 * at bylines ({@code 本报讯}, {@code 据新华社…电}), jump marks and photos; short headline pairs between runs that do
 * not start with a byline are section subheads and stay inside the story, unless the text after them opens another
 * story (a lead's date, little wording in common); 5) give each headline group to the run before or after it, or cut
 * it between them (a headline printed after one story next to the one printed before the next) — pages print
 * headlines on either side — by choosing, over the whole page at once, the assignment where every headline line
 * shares most wording with its body and each run gets one headline; 6) a run left with a headline on each side is
 * two stories whose bodies meet without a cue: it is cut at the paragraph break where each headline fits its side
 * and the wording shifts.
 */
public final class PageSplitter {
  static final Pattern JUMP = Pattern.compile(
      "^[（(]\\s*(?:下转|转|紧转|转至|转下)\\s*第?\\s*[0-9一二三四五六七八九十]+\\s*版[^）)]{0,8}[）)]$");
  static final Pattern JUMP_FROM = Pattern.compile(
      "^[（(]\\s*(?:上接|紧接|接)\\s*第?\\s*[0-9一二三四五六七八九十]+\\s*版[^）)]{0,8}[）)]$");
  static final Pattern DASH = Pattern.compile("^(?:——|—{2,}|-{2,}|－{2,}|—\\s*—)");
  static final Pattern BYLINE_LINE = Pattern.compile(
      "^(?:本报记者|本报通讯员|本报特约记者|特约记者|记者|通讯员|实习生)(?:\\s*[\\p{IsHan}·]{2,4}(?:\\s*、\\s*|\\s+|$))+"
          + "(?:(?:本报通讯员|通讯员|实习生|记者)(?:\\s*[\\p{IsHan}·]{2,4}(?:\\s*、\\s*|\\s+|$))+)*$");
  static final Pattern CREDIT = Pattern.compile("^[\\p{IsHan}\\s·、]{2,40}摄$");
  /** Bylines that open a story's first paragraph. {@code 又讯} opens a follow-up item of the same story. */
  static final Pattern BYLINE_PREFIX = Pattern.compile(
      "^(?:(本报讯|又讯)\\s*(?:[（(][^）)]{0,40}[）)])?"
          + "|据?(?:新华社|中新社|人民日报|央视|本报)[^，。；：（(“]{0,30}?电\\s*(?:[（(][^）)]{0,40}[）)])?)");
  /** How a line that opens a story begins, before its dateline is complete (it may wrap). */
  private static final Pattern STORY_START = Pattern.compile(
      "^(?:本报讯|又讯|据?(?:新华社|中新社)\\S|本报\\p{IsHan}{1,8}\\d{1,2}月)");
  /** A story's lead opens with its date or an equivalent ({@code 近日}, {@code 日前}). */
  private static final Pattern LEAD_OPENING = Pattern.compile(
      "^(?:(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日|近日|日前|近期|连日来|\\d{1,2}日)");
  /** Openings that carry a story on: they refer back to what came before. */
  private static final Pattern CARRY_ON_OPENING = Pattern.compile(
      "^(?:此外|另外|与此同时|同时|据介绍|据了解|他说|她说|他表示|她表示|对此|其中|为此|因此|但|而)");
  private static final double OPENING_WEIGHT = 0.3;
  /** Below this share of wording in common, text after a lead-like opening is not a section of the text before. */
  private static final double SECTION_COHESION = 0.2;
  /** How convincing a break must be before a run with headlines on both sides is cut in two. */
  private static final double STORY_CUT_MIN = 0.0;
  /** The longest headline line that reads as a column label (环卫车, 经济观察): a kicker, never a title. */
  private static final int LABEL_MAX = 6;
  /** How much the page's headline side counts against shared wording when giving a headline to a story. */
  private static final double CONVENTION_PRIOR = 0.12;
  /** How much better (share of the moved headline's wording) a cut between headlines must explain the stories. */
  private static final double SPLIT_MARGIN = 0.15;
  private static final String TERMINAL = "。！？；：…!?;:";
  private static final String CLOSERS = "”’」』）)";

  private PageSplitter() {}

  enum Kind { BODY, HEAD, DASH, BYLINE, JUMP, JUMP_FROM, CREDIT }

  private record Line(String raw, String clean, double width, boolean blankBefore, boolean blankAfter) {}

  private static final class Para {
    final Kind kind;
    final String text;
    final double maxWidth;

    Para(Kind kind, String text, double maxWidth) {
      this.kind = kind;
      this.text = text;
      this.maxWidth = maxWidth;
    }

    boolean bylineStart() {
      return kind == Kind.BODY && BYLINE_PREFIX.matcher(text).lookingAt() && !text.startsWith("又讯");
    }
  }

  /** Headline lines, dash subtitles and byline lines printed together. */
  private static final class Group {
    final List<Para> items = new ArrayList<>();
    final int order;

    Group(int order) {
      this.order = order;
    }

    String headText() {
      StringBuilder b = new StringBuilder();
      for (Para p : items) {
        if (p.kind == Kind.HEAD) {
          b.append(p.text);
        }
      }
      return b.toString();
    }

    boolean onlyShortHeads() {
      int heads = 0;
      for (Para p : items) {
        if (p.kind != Kind.HEAD || p.text.length() > 10) {
          return false;
        }
        heads++;
      }
      return heads <= 2;
    }
  }

  /** Consecutive body paragraphs of one story (so far). */
  private static final class Run {
    final List<Para> paras = new ArrayList<>();
    final int order;
    boolean continued;
    boolean closed;
    boolean subheads;
    boolean splitWithoutHeadline;
    boolean fromElsewhere;

    Run(int order) {
      this.order = order;
    }

    String text() {
      return text(0, paras.size());
    }

    String text(int from, int to) {
      StringBuilder b = new StringBuilder();
      for (Para p : paras.subList(from, to)) {
        b.append(p.text).append('\n');
      }
      return b.toString();
    }

    Run part(int from, int to) {
      Run r = new Run(order);
      r.paras.addAll(paras.subList(from, to));
      r.subheads = subheads;
      return r;
    }
  }

  /** Splits a page. Never drops text: every body line ends up in exactly one story. */
  public static List<PageStory> split(String pageText) {
    List<Line> lines = lines(pageText);
    if (lines.isEmpty()) {
      return List.of();
    }
    double w = columnWidth(lines);
    List<Para> paras = paragraphs(lines, w);
    return assemble(paras, w);
  }

  private static List<Line> lines(String text) {
    String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').split("\n", -1);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      String r = raw[i].strip();
      if (r.isEmpty() || isBlankish(r)) {
        continue;
      }
      boolean blankAfter = i + 1 >= raw.length || raw[i + 1].isBlank();
      boolean blankBefore = i == 0 || raw[i - 1].isBlank();
      out.add(new Line(r, Reflow.cleanSpaces(r), Reflow.width(r), blankBefore, blankAfter));
    }
    return out;
  }

  private static boolean isBlankish(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Reflow.isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The column width: the width three quarters of the lines stay within. Full body lines outnumber the rest, and
   * the lines shortened by numbers, indents and paragraph ends pull a plain mode below the true width.
   */
  static double columnWidth(List<Line> lines) {
    List<Double> widths = new ArrayList<>();
    for (Line l : lines) {
      if (l.width >= 6) {
        widths.add(l.width);
      }
    }
    if (widths.isEmpty()) {
      return 20;
    }
    widths.sort(null);
    return Math.round(widths.get((int) (widths.size() * 0.75))) + 0.5;
  }

  static boolean terminated(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (TERMINAL.indexOf(last) >= 0) {
      return true;
    }
    if (CLOSERS.indexOf(last) >= 0 && s.length() >= 2) {
      char before = s.charAt(s.length() - 2);
      return TERMINAL.indexOf(before) >= 0 || CLOSERS.indexOf(before) >= 0 && terminated(s.substring(0, s.length() - 1));
    }
    return false;
  }

  private static Kind special(Line l) {
    String c = l.clean;
    if (JUMP.matcher(c).matches()) {
      return Kind.JUMP;
    }
    if (JUMP_FROM.matcher(c).matches()) {
      return Kind.JUMP_FROM;
    }
    if (DASH.matcher(c).lookingAt() && c.length() <= 40) {
      return Kind.DASH;
    }
    String spaced = l.raw.replaceAll("[\\s\\u3000]+", " ");
    if (spaced.length() <= 40 && CREDIT.matcher(spaced).matches()) {
      return Kind.CREDIT;
    }
    if (spaced.length() <= 30 && BYLINE_LINE.matcher(spaced).matches()) {
      return Kind.BYLINE;
    }
    return null;
  }

  private static boolean startsStory(Line l) {
    return STORY_START.matcher(l.clean).lookingAt();
  }

  private static boolean startsWithNumberOrLatin(Line l) {
    if (l.clean.isEmpty()) {
      return false;
    }
    char c = l.clean.charAt(0);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String leadingToken(String s) {
    int i = 0;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 0x80 || s.charAt(i) == '.'
        || s.charAt(i) == '%')) {
      i++;
    }
    return s.substring(0, i);
  }

  private static int punctuationCount(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if ("，、。；：！？,;:".indexOf(s.charAt(i)) >= 0) {
        n++;
      }
    }
    return n;
  }

  private static List<Para> paragraphs(List<Line> lines, double w) {
    List<Para> out = new ArrayList<>();
    int i = 0;
    int n = lines.size();
    while (i < n) {
      Line l = lines.get(i);
      Kind k = special(l);
      if (k != null) {
        String text = k == Kind.BYLINE || k == Kind.CREDIT ? bylineText(l.raw) : l.clean;
        out.add(new Para(k, text, l.width));
        i++;
        continue;
      }
      Line next = i + 1 < n ? lines.get(i + 1) : null;
      Line prevLine = i > 0 ? lines.get(i - 1) : null;
      boolean creditNear = next != null
          && (special(next) == Kind.CREDIT || i + 2 < n && special(lines.get(i + 2)) == Kind.CREDIT);
      if (isHeadline(l, prevLine, next, creditNear, w, out)) {
        out.add(new Para(Kind.HEAD, Reflow.headline(l.raw), l.width));
        i++;
        continue;
      }
      List<String> body = new ArrayList<>();
      double max = 0;
      while (true) {
        Line cur = lines.get(i);
        body.add(cur.raw);
        max = Math.max(max, cur.width);
        Line nx = i + 1 < n ? lines.get(i + 1) : null;
        i++;
        if (nx == null || special(nx) != null || startsStory(nx)) {
          break;
        }
        // A dateline that fills its line ({@code 本报讯（记者 …）}) is not a paragraph of its own.
        boolean onlyDateline = body.size() <= 2 && isOnlyDateline(body);
        if (terminated(cur.clean) && (cur.width < w - 1 || cur.blankAfter) && !onlyDateline) {
          break;
        }
        // A short last line closing a quote or an author's note, with a gap after it, ends the paragraph too.
        if (cur.blankAfter && cur.width < w - 1 && !cur.clean.isEmpty() && !onlyDateline
            && CLOSERS.indexOf(cur.clean.charAt(cur.clean.length() - 1)) >= 0) {
          break;
        }
      }
      out.add(new Para(Kind.BODY, Reflow.paragraph(body), max));
    }
    return out;
  }

  private static boolean isOnlyDateline(List<String> lines) {
    String text = Reflow.paragraph(lines);
    Matcher m = BYLINE_PREFIX.matcher(text);
    return m.lookingAt() && m.end() == text.length();
  }

  /**
   * A full column line: wider than a paragraph's first line can be (that one is short by the indent extraction
   * drops).
   */
  private static boolean fullLine(Line l, double w) {
    return l.width >= w - 1;
  }

  /**
   * A line that opens a paragraph is a headline when it does not end a sentence and stands apart: wider than the
   * column (headlines span columns; a wide line running on into a caption is not one), clearly shorter than it (a
   * body paragraph's first line is only two ems short, for the indent extraction drops), over a wide line (a photo
   * caption), or set between blank lines where the line after it does not continue a paragraph (it is itself
   * indented, or a byline), or in a headline's place (after a kicker, a jump mark or a photo credit), or after a
   * paragraph that has clearly ended while being wider than an indented first line. A full column line running on
   * after it makes it a paragraph's first line instead.
   */
  private static boolean isHeadline(Line l, Line prevLine, Line next, boolean creditNear, double w,
      List<Para> before) {
    String c = l.clean;
    boolean exclaims = c.endsWith("！") || c.endsWith("？") || c.endsWith("!") || c.endsWith("?");
    if ((terminated(c) && !exclaims) || c.length() > 34 || startsStory(l) || punctuationCount(c) > 3) {
      return false;
    }
    boolean trailingComma = c.endsWith("，") || c.endsWith("、") || c.endsWith(",");
    // A body line ends short when the number opening the next line did not fit after it.
    boolean numberPushed = next != null && startsWithNumberOrLatin(next) && l.width < w - 1
        && l.width + Reflow.width(leadingToken(next.clean)) >= w - 1.5;
    if (l.width > w + 1 && !exclaims) {
      // Unless it is a photo caption: wide lines running on to another wide line or to the credit (a blank line
      // may fall inside the caption, so a wide line after it that ends a sentence, or a credit just after the next
      // line, still shows a caption).
      boolean captionGoesOn = next != null && next.width > w + 1 && next.clean.indexOf('。') >= 0;
      return next == null || !creditNear && !captionGoesOn && (l.blankAfter || next.width <= w + 1);
    }
    if (trailingComma) {
      return false;
    }
    if (l.width < w - 4.5 && !exclaims && punctuationCount(c) == 0 && !numberPushed) {
      return true;
    }
    Para prev = before.isEmpty() ? null : before.get(before.size() - 1);
    if (!l.blankAfter || (!l.blankBefore && prev != null && prev.kind == Kind.BODY)) {
      return false;
    }
    if (next == null) {
      return !exclaims;
    }
    Kind nk = special(next);
    if (startsStory(next) || nk == Kind.BYLINE || nk == Kind.DASH) {
      return true;
    }
    // A full line after it that runs on (no blank line after it either) continues a paragraph: this line is that
    // paragraph's first line.
    boolean nextContinues = nk == null && fullLine(next, w) && next.width <= w + 1 && !next.blankAfter;
    // A short line over a wide one (a photo caption, a headline across columns) is that one's headline.
    if (nk == null && next.width > w + 1 && punctuationCount(c) == 0 && !exclaims) {
      return true;
    }
    boolean headPlace = prev == null || trailingHeadlines(before) == 1 || prev.kind == Kind.JUMP
        || prev.kind == Kind.CREDIT;
    if (headPlace && punctuationCount(c) == 0 && !exclaims && !nextContinues) {
      return true;
    }
    // A line standing alone after a paragraph that has clearly ended (short last line) cannot continue it, and
    // when it is wider than an indented first line and no paragraph runs on after it, it opens none either.
    if (prev != null && prev.kind == Kind.BODY && prevLine != null && terminated(prevLine.clean)
        && prevLine.width < w - 1 && l.width >= w - 2 && punctuationCount(c) <= 1 && !exclaims && !nextContinues) {
      return true;
    }
    // The next line opens a paragraph of its own (indented, so short, and not the end of a sentence).
    return nk == null && !numberPushed && next.width <= w - 2 && !terminated(next.clean)
        && punctuationCount(c) <= 1;
  }

  /** How many headlines end the paragraphs so far (a headline line ending in a comma wraps into the next). */
  private static int trailingHeadlines(List<Para> before) {
    int n = 0;
    for (int i = before.size() - 1; i >= 0 && before.get(i).kind == Kind.HEAD; i--) {
      if (!endsWithComma(before.get(i).text)) {
        n++;
      }
    }
    return n;
  }

  /** Bylines keep one space between names but lose the spaces extraction put around brackets. */
  static String bylineText(String s) {
    String t = s.replaceAll("[\\s\\u3000]+", " ").strip();
    t = t.replaceAll(" ?([（）()：:，、]) ?", "$1");
    return t;
  }

  private static List<PageStory> assemble(List<Para> paras, double w) {
    boolean[] photoPart = new boolean[paras.size()];
    List<Object[]> photos = new ArrayList<>();
    for (int c = 0; c < paras.size(); c++) {
      if (paras.get(c).kind != Kind.CREDIT || c == 0 || paras.get(c - 1).kind != Kind.BODY) {
        continue;
      }
      int start = c - 1;
      while (start - 1 >= 0 && paras.get(start - 1).kind == Kind.BODY && !photoPart[start - 1]
          && paras.get(start - 1).maxWidth > w + 1.5 && !paras.get(start - 1).bylineStart()) {
        start--;
      }
      // The photo's title is the short line over the caption; a line over that is its kicker only when it is a
      // label (环卫车, 图片新闻): a longer line there is the headline printed after the story before.
      int heads = 0;
      while (start - 1 >= 0 && heads < 2 && paras.get(start - 1).kind == Kind.HEAD && !photoPart[start - 1]
          && paras.get(start - 1).text.length() <= (heads == 0 ? 12 : LABEL_MAX)) {
        start--;
        heads++;
      }
      for (int j = start; j <= c; j++) {
        photoPart[j] = true;
      }
      photos.add(new Object[] {start, photoStory(paras.subList(start, c + 1))});
    }

    // Units in page order: groups and runs (photo stories are transparent between them).
    List<Object> units = new ArrayList<>();
    Group group = null;
    Run run = null;
    Run lastRun = null;
    for (int i = 0; i < paras.size(); i++) {
      if (photoPart[i]) {
        // Photos are set between stories: text on either side of one is not one run.
        if (run != null) {
          run.closed = true;
        }
        continue;
      }
      Para p = paras.get(i);
      switch (p.kind) {
        case HEAD, DASH, BYLINE -> {
          if (run != null && run.paras.isEmpty()) {
            units.remove(run);
          }
          Kind lastKind = group == null ? null : group.items.get(group.items.size() - 1).kind;
          if (group == null || (p.kind == Kind.HEAD && (lastKind == Kind.DASH || lastKind == Kind.BYLINE))) {
            group = new Group(i);
            units.add(group);
          }
          group.items.add(p);
          run = null;
        }
        case BODY -> {
          if (run == null || run.closed || (p.bylineStart() && !run.paras.isEmpty())) {
            Run r = new Run(i);
            if (run != null && group == null) {
              r.splitWithoutHeadline = true;
            }
            run = r;
            units.add(run);
          }
          run.paras.add(p);
          lastRun = run;
          group = null;
        }
        case JUMP -> {
          Run target = run != null ? run : lastRun;
          if (target != null) {
            target.continued = true;
            target.closed = true;
          }
        }
        case JUMP_FROM -> {
          if (run != null) {
            run.closed = true;
          }
          run = new Run(i);
          run.fromElsewhere = true;
          units.add(run);
          group = null;
        }
        default -> { }
      }
    }
    units = mergeSubheads(units);
    units = splitMeetingHeadlines(units);

    // Gaps: gapGroup[k] is the group before run k; gapGroup[m] the one after the last run. Where two groups meet
    // between runs, the headline after one story and the headline before the next are printed together: the first
    // is fixed to the run before (fixedLeft[k]), the other is free to go either way.
    List<Run> runs = new ArrayList<>();
    List<Group> gapGroup = new ArrayList<>();
    List<Group> fixedLeft = new ArrayList<>();
    List<Group> pending = new ArrayList<>();
    for (Object u : units) {
      if (u instanceof Group g) {
        pending.add(g);
      } else {
        addGap(gapGroup, fixedLeft, pending, !runs.isEmpty(), true);
        runs.add((Run) u);
        pending = new ArrayList<>();
      }
    }
    addGap(gapGroup, fixedLeft, pending, !runs.isEmpty(), false);

    List<PageStory> stories = new ArrayList<>();
    List<Integer> orders = new ArrayList<>();
    if (runs.isEmpty()) {
      for (Group g : gapGroup) {
        if (g != null) {
          stories.add(story(List.of(g), null, 0.2, 0));
          orders.add(g.order);
        }
      }
    } else {
      // Which side headlines are printed on, as far as the page ends tell: a page that opens with a headline
      // prints them before their stories, one that closes with a headline after.
      boolean opensWithHeadline = gapGroup.get(0) != null
          || runs.get(0).fromElsewhere && runs.size() > 1 && gapGroup.get(1) != null;
      int convention = (opensWithHeadline ? 1 : 0) - (gapGroup.get(runs.size()) != null ? 1 : 0);
      Assignment a = assign(runs, gapGroup, fixedLeft, convention);
      for (int k = 0; k < runs.size(); k++) {
        List<Group> before = new ArrayList<>();
        List<Group> after = new ArrayList<>();
        if (fixedLeft.get(k + 1) != null) {
          after.add(fixedLeft.get(k + 1));
        }
        Group g = gapGroup.get(k);
        if (g != null && a.choice()[k].toRight()) {
          before.add(part(g, a.choice()[k].cut(), g.items.size()));
        }
        Group next = gapGroup.get(k + 1);
        if (next != null && a.choice()[k + 1].toLeft()) {
          after.add(part(next, 0, a.choice()[k + 1].cut()));
        }
        Run r = runs.get(k);
        // A run with a headline before it and another after it (or continued from another page and with a headline
        // after it) is two stories whose bodies meet with nothing between them: cut it where its headlines fit.
        int cut = (!before.isEmpty() || r.fromElsewhere) && !after.isEmpty() ? storyCut(r, before, after) : -1;
        if (cut > 0) {
          Run first = r.part(0, cut);
          Run second = r.part(cut, r.paras.size());
          first.fromElsewhere = r.fromElsewhere;
          second.continued = r.continued;
          second.splitWithoutHeadline = true;
          stories.add(story(before, first, a.margin()[k], k));
          orders.add(r.order);
          stories.add(story(after, second, a.margin()[k], k));
          orders.add(r.order);
        } else {
          List<Group> gs = new ArrayList<>(before);
          gs.addAll(after);
          stories.add(story(gs, r, a.margin()[k], k));
          orders.add(r.order);
        }
      }
    }
    for (Object[] ph : photos) {
      int at = (Integer) ph[0];
      int pos = 0;
      while (pos < orders.size() && orders.get(pos) < at) {
        pos++;
      }
      orders.add(pos, at);
      stories.add(pos, (PageStory) ph[1]);
    }
    return stories;
  }

  /**
   * Where a run holding two stories divides, or -1 when no paragraph break is convincing: the break where the
   * headline before the run shares most wording with the paragraphs above it and the headline after with those
   * below, where the two sides share least wording with each other, and where the paragraph below opens as a
   * story does (a date or {@code 近日}) rather than carrying on ({@code 此外}, {@code 据介绍}).
   */
  static int storyCut(Run run, List<Group> before, List<Group> after) {
    int n = run.paras.size();
    if (n < 2) {
      return -1;
    }
    // Word pairs are moved from below the break to above it one paragraph at a time, with the counts the score
    // needs kept up to date, so a long run costs one pass over its text.
    WordSides sides = new WordSides(bigrams(headText(before)), bigrams(headText(after)));
    List<Set<String>> grams = new ArrayList<>(n);
    for (Para p : run.paras) {
      Set<String> g = bigrams(p.text);
      grams.add(g);
      sides.addBelow(g);
    }
    int best = -1;
    double bestScore = STORY_CUT_MIN;
    for (int j = 1; j < n; j++) {
      sides.moveUp(grams.get(j - 1));
      Para p = run.paras.get(j);
      if (p.kind != Kind.BODY || run.paras.get(j - 1).kind != Kind.BODY || p.text.startsWith("又讯")) {
        continue;
      }
      double score = sides.fit() - sides.cohesion() + openingScore(p.text);
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    return best;
  }

  /**
   * The word pairs above and below a break in a run, as counts of paragraphs holding each: how many pairs each
   * side has, how many both share, and how many of each headline's pairs each side has.
   */
  private static final class WordSides {
    private final Set<String> headBefore;
    private final Set<String> headAfter;
    private final Map<String, int[]> counts = new HashMap<>();
    private int above;
    private int below;
    private int both;
    private int beforeAbove;
    private int beforeBelow;
    private int afterAbove;
    private int afterBelow;

    WordSides(Set<String> headBefore, Set<String> headAfter) {
      this.headBefore = headBefore;
      this.headAfter = headAfter;
    }

    void addBelow(Set<String> grams) {
      for (String g : grams) {
        int[] c = counts.computeIfAbsent(g, k -> new int[2]);
        if (c[1]++ == 0) {
          below++;
          beforeBelow += headBefore.contains(g) ? 1 : 0;
          afterBelow += headAfter.contains(g) ? 1 : 0;
        }
      }
    }

    void moveUp(Set<String> grams) {
      for (String g : grams) {
        int[] c = counts.get(g);
        boolean wasBoth = c[0] > 0 && c[1] > 0;
        if (c[0]++ == 0) {
          above++;
          beforeAbove += headBefore.contains(g) ? 1 : 0;
          afterAbove += headAfter.contains(g) ? 1 : 0;
        }
        if (--c[1] == 0) {
          below--;
          beforeBelow -= headBefore.contains(g) ? 1 : 0;
          afterBelow -= headAfter.contains(g) ? 1 : 0;
        }
        both += (c[0] > 0 && c[1] > 0 ? 1 : 0) - (wasBoth ? 1 : 0);
      }
    }

    /** The headline before shares its words with the text above, the one after with the text below. */
    double fit() {
      double f = 0;
      if (!headBefore.isEmpty()) {
        f += (double) (beforeAbove - beforeBelow) / headBefore.size();
      }
      if (!headAfter.isEmpty()) {
        f += (double) (afterBelow - afterAbove) / headAfter.size();
      }
      return f;
    }

    /** Share of the smaller side's word pairs found on the other side. */
    double cohesion() {
      int small = Math.min(above, below);
      return small == 0 ? 0 : (double) both / small;
    }
  }

  private static String headText(List<Group> groups) {
    StringBuilder b = new StringBuilder();
    for (Group g : groups) {
      b.append(g.headText());
    }
    return b.toString();
  }

  /** Share of the smaller side's word pairs found on the other side. */
  private static double cohesion(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    return overlap(small, large);
  }

  /** How much a paragraph's opening reads like the lead of a story (+) or a paragraph carrying one on (-). */
  static double openingScore(String text) {
    if (LEAD_OPENING.matcher(text).lookingAt()) {
      return OPENING_WEIGHT;
    }
    if (CARRY_ON_OPENING.matcher(text).lookingAt()) {
      return -OPENING_WEIGHT;
    }
    return 0;
  }

  private static PageStory photoStory(List<Para> ps) {
    List<String> heads = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    String credit = null;
    for (Para p : ps) {
      switch (p.kind) {
        case HEAD -> heads.add(p.text);
        case CREDIT -> credit = p.text;
        default -> body.append(body.length() == 0 ? "" : "\n").append(p.text);
      }
    }
    String title = heads.isEmpty() ? null : heads.get(heads.size() - 1);
    String kicker = heads.size() > 1 ? String.join(" ", heads.subList(0, heads.size() - 1)) : null;
    return new PageStory(title, kicker, null, credit, body.toString(), false, true, heads.isEmpty() ? 0.7 : 0.9);
  }

  /** Section subheads: at most two short headline lines between runs of the same story. */
  private static List<Object> mergeSubheads(List<Object> units) {
    List<Object> out = new ArrayList<>(units);
    for (int i = 1; i + 1 < out.size(); i++) {
      if (out.get(i) instanceof Group g && out.get(i - 1) instanceof Run prev && out.get(i + 1) instanceof Run next
          && !prev.continued && !prev.closed && g.onlyShortHeads() && !next.paras.get(0).bylineStart()
          && !opensAnotherStory(prev, next)) {
        prev.paras.addAll(g.items);
        prev.paras.addAll(next.paras);
        prev.continued = next.continued;
        prev.closed = next.closed;
        prev.subheads = true;
        out.remove(i + 1);
        out.remove(i);
        i--;
      }
    }
    return out;
  }

  /**
   * Whether the text after short headline lines opens a story of its own rather than a section of the same one:
   * its first paragraph reads like a lead (a date, {@code 近日}) and it shares little wording with the text before.
   */
  private static boolean opensAnotherStory(Run before, Run after) {
    return LEAD_OPENING.matcher(after.paras.get(0).text).lookingAt()
        && cohesion(bigrams(before.text()), bigrams(after.text())) < SECTION_COHESION;
  }

  /**
   * A run of headline lines between two stories may be the headline printed after one and the headline printed
   * before the next. Cut it where the lines before the cut share clearly more wording with the story before and the
   * lines after with the story after than any uncut reading.
   */
  private static List<Object> splitMeetingHeadlines(List<Object> units) {
    List<Object> out = new ArrayList<>(units);
    for (int i = 1; i + 1 < out.size(); i++) {
      if (!(out.get(i) instanceof Group g && out.get(i - 1) instanceof Run before
          && out.get(i + 1) instanceof Run after)) {
        continue;
      }
      Set<String> left = bigrams(before.text());
      Set<String> right = bigrams(after.text());
      int n = g.items.size();
      double[] toLeft = new double[n + 1];
      double[] toRight = new double[n + 1];
      for (int j = 1; j <= n; j++) {
        Para p = g.items.get(j - 1);
        double weight = p.kind == Kind.HEAD ? bigrams(p.text).size() : 0;
        toLeft[j] = toLeft[j - 1] + weight * overlap(bigrams(p.text), left);
        toRight[j] = toRight[j - 1] + weight * overlap(bigrams(p.text), right);
      }
      int bestCut = -1;
      double best = Math.max(toLeft[n], toRight[n]);
      for (int j = 1; j < n; j++) {
        // Cut only before a headline line that does not continue a wrapped (comma-ended) one.
        Para first = g.items.get(j);
        Para prev = g.items.get(j - 1);
        if (first.kind != Kind.HEAD || (prev.kind == Kind.HEAD && endsWithComma(prev.text))) {
          continue;
        }
        double moved = 0;
        for (Para p : g.items.subList(j, n)) {
          moved += p.kind == Kind.HEAD ? bigrams(p.text).size() : 0;
        }
        double v = toLeft[j] + (toRight[n] - toRight[j]);
        if (v > best + Math.max(2, SPLIT_MARGIN * moved)) {
          best = v;
          bestCut = j;
        }
      }
      if (bestCut > 0) {
        Group a = new Group(g.order);
        Group b = new Group(g.order);
        a.items.addAll(g.items.subList(0, bestCut));
        b.items.addAll(g.items.subList(bestCut, n));
        out.set(i, a);
        out.add(i + 1, b);
        i++;
      }
    }
    return out;
  }

  private static void addGap(List<Group> gapGroup, List<Group> fixedLeft, List<Group> groups, boolean runBefore,
      boolean runAfter) {
    if (groups.isEmpty()) {
      gapGroup.add(null);
      fixedLeft.add(null);
      return;
    }
    Group first = groups.get(0);
    Group last = groups.get(groups.size() - 1);
    for (int i = 1; i < groups.size() - 1; i++) {
      // Three or more groups in a row: the middle ones are kickers of the last.
      last.items.addAll(0, groups.get(i).items);
    }
    if (groups.size() == 1) {
      gapGroup.add(first);
      fixedLeft.add(null);
    } else if (runBefore && runAfter) {
      fixedLeft.add(first);
      gapGroup.add(last);
    } else {
      first.items.addAll(last.items);
      gapGroup.add(first);
      fixedLeft.add(null);
    }
  }

  /**
   * What one gap's headline group does: {@code cut} of its items go to the run before, the rest to the run after
   * ({@code cut == 0}: all after; {@code cut == items}: all before).
   */
  private record GapChoice(int cut, boolean toLeft, boolean toRight, double score) {}

  private record Assignment(GapChoice[] choice, double[] margin) {}

  /** Per-run penalty by the number of headline groups it gets: none is suspicious, two is worse. */
  private static double countScore(int n) {
    return n == 0 ? -0.25 : n == 1 ? 0 : -0.5 * (n - 1);
  }

  /** The ways gap {@code k}'s group can go: all to the run before, all to the run after, or cut between them. */
  private static List<GapChoice> choices(List<Run> runs, List<Set<String>> runGrams, Group g, int k, int convention) {
    int m = runs.size();
    List<GapChoice> out = new ArrayList<>();
    if (g == null) {
      out.add(new GapChoice(0, false, false, 0));
      return out;
    }
    int n = g.items.size();
    // Each headline line (a line ending in a comma runs on into the next) is scored against the run it would go
    // to, so that all the ways of placing one group weigh the same lines.
    double[] toLeft = new double[n + 1];
    double[] toRight = new double[n + 1];
    StringBuilder unit = new StringBuilder();
    for (int j = 0; j < n; j++) {
      Para p = g.items.get(j);
      if (p.kind == Kind.HEAD) {
        unit.append(p.text);
      }
      boolean unitEnds = unit.length() > 0 && (j + 1 == n || !endsWithComma(p.text) || p.kind != Kind.HEAD);
      double l = 0;
      double r = 0;
      if (unitEnds) {
        Set<String> u = bigrams(unit.toString());
        l = k > 0 ? overlap(u, runGrams.get(k - 1)) : 0;
        r = k < m ? overlap(u, runGrams.get(k)) : 0;
        unit.setLength(0);
      }
      toLeft[j + 1] = toLeft[j] + l;
      toRight[j + 1] = toRight[j] + r;
    }
    if (k > 0) {
      out.add(new GapChoice(n, true, false, toLeft[n] - CONVENTION_PRIOR * convention));
    }
    if (k < m) {
      out.add(new GapChoice(0, false, true, toRight[n] + CONVENTION_PRIOR * convention));
    }
    if (k > 0 && k < m) {
      // The headline printed after one story and the one printed before the next, set together: cut before a
      // headline line that does not continue a wrapped one.
      for (int j = 1; j < n; j++) {
        Para first = g.items.get(j);
        Para prev = g.items.get(j - 1);
        // A label (经济观察, 高质量发展) over a headline is its kicker, not a headline of its own.
        if (first.kind != Kind.HEAD || prev.kind != Kind.HEAD || endsWithComma(prev.text)
            || prev.text.length() <= LABEL_MAX) {
          continue;
        }
        out.add(new GapChoice(j, true, true, toLeft[j] + toRight[n] - toRight[j]));
      }
    }
    return out;
  }

  private static Group part(Group g, int from, int to) {
    Group p = new Group(g.order);
    p.items.addAll(g.items.subList(from, to));
    return p;
  }

  /**
   * Chooses for every headline group whether it belongs to the run before or after it (or is cut between them),
   * maximising wording shared with the body minus the penalties for runs with no or two headlines (a dynamic
   * programme along the page).
   */
  private static Assignment assign(List<Run> runs, List<Group> gaps, List<Group> fixedLeft, int convention) {
    int m = runs.size();
    List<Set<String>> runGrams = new ArrayList<>();
    for (Run r : runs) {
      runGrams.add(bigrams(r.text()));
    }
    List<List<GapChoice>> options = new ArrayList<>();
    for (int k = 0; k <= m; k++) {
      options.add(choices(runs, runGrams, gaps.get(k), k, convention));
    }
    // best[k][s]: best score of gaps 0..k and runs 0..k-1, s = 1 when gap k sends something to run k.
    double[][] best = new double[m + 1][2];
    int[][] fromState = new int[m + 1][2];
    int[][] choiceAt = new int[m + 1][2];
    for (double[] row : best) {
      Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    for (int o = 0; o < options.get(0).size(); o++) {
      GapChoice c = options.get(0).get(o);
      int t = c.toRight() ? 1 : 0;
      if (c.score() > best[0][t]) {
        best[0][t] = c.score();
        choiceAt[0][t] = o;
      }
    }
    for (int k = 1; k <= m; k++) {
      Run before = runs.get(k - 1);
      for (int s = 0; s < 2; s++) {
        if (best[k - 1][s] == Double.NEGATIVE_INFINITY) {
          continue;
        }
        for (int o = 0; o < options.get(k).size(); o++) {
          GapChoice c = options.get(k).get(o);
          int count = s + (c.toLeft() ? 1 : 0) + (fixedLeft.get(k) != null ? 1 : 0);
          // A story continued from another page usually has its headline there.
          double countGain = before.fromElsewhere ? -0.1 * count : countScore(count);
          double v = best[k - 1][s] + countGain + c.score();
          int t = c.toRight() ? 1 : 0;
          if (v > best[k][t]) {
            best[k][t] = v;
            fromState[k][t] = s;
            choiceAt[k][t] = o;
          }
        }
      }
    }
    GapChoice[] chosen = new GapChoice[m + 1];
    int s = 0;
    for (int k = m; k >= 0; k--) {
      chosen[k] = options.get(k).get(choiceAt[k][s]);
      s = k > 0 ? fromState[k][s] : 0;
    }
    double[] margin = new double[m];
    Arrays.fill(margin, 1.0);
    for (int k = 1; k < m; k++) {
      if (gaps.get(k) == null) {
        continue;
      }
      double second = Double.NEGATIVE_INFINITY;
      for (GapChoice c : options.get(k)) {
        if (c != chosen[k]) {
          second = Math.max(second, c.score());
        }
      }
      double d = Math.abs(chosen[k].score() - second);
      if (chosen[k].toLeft()) {
        margin[k - 1] = Math.min(margin[k - 1], d);
      }
      if (chosen[k].toRight()) {
        margin[k] = Math.min(margin[k], d);
      }
    }
    return new Assignment(chosen, margin);
  }

  static Set<String> bigrams(String s) {
    Set<String> out = new HashSet<>();
    int prev = -1;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
      if (han && prev >= 0) {
        out.add(new String(Character.toChars(prev)) + new String(Character.toChars(c)));
      }
      prev = han ? c : -1;
    }
    return out;
  }

  private static double overlap(Set<String> title, Set<String> body) {
    if (title.isEmpty()) {
      return 0;
    }
    int hit = 0;
    for (String g : title) {
      if (body.contains(g)) {
        hit++;
      }
    }
    return (double) hit / title.size();
  }

  private static PageStory story(List<Group> groups, Run run, double margin, int index) {
    Group main = null;
    String kicker = null;
    if (groups.size() == 1) {
      main = groups.get(0);
    } else if (groups.size() == 2) {
      Set<String> body = bigrams(run == null ? "" : run.text());
      double a = overlap(bigrams(groups.get(0).headText()), body);
      double b = overlap(bigrams(groups.get(1).headText()), body);
      main = b >= a ? groups.get(1) : groups.get(0);
      Group other = main == groups.get(0) ? groups.get(1) : groups.get(0);
      List<String> parts = new ArrayList<>();
      for (Para p : other.items) {
        parts.add(p.text);
      }
      kicker = String.join(" ", parts);
    }
    String title = null;
    String subtitle = null;
    String byline = null;
    if (main != null) {
      List<String> heads = new ArrayList<>();
      for (Para p : main.items) {
        switch (p.kind) {
          case HEAD -> {
            if (!heads.isEmpty() && endsWithComma(heads.get(heads.size() - 1))) {
              heads.set(heads.size() - 1, heads.get(heads.size() - 1) + p.text);
            } else {
              heads.add(p.text);
            }
          }
          case DASH -> subtitle = subtitle == null ? stripDashes(p.text) : subtitle + " " + stripDashes(p.text);
          case BYLINE -> byline = byline == null ? p.text : byline + " " + p.text;
          default -> { }
        }
      }
      if (!heads.isEmpty()) {
        title = heads.get(heads.size() - 1);
        if (heads.size() > 1) {
          String k = String.join(" ", heads.subList(0, heads.size() - 1));
          kicker = kicker == null ? k : kicker + " " + k;
        }
      }
    }
    StringBuilder body = new StringBuilder();
    if (run != null) {
      for (int i = 0; i < run.paras.size(); i++) {
        Para p = run.paras.get(i);
        String text = p.text;
        if (i == 0 && p.kind == Kind.BODY) {
          Matcher bm = BYLINE_PREFIX.matcher(text);
          if (bm.lookingAt() && bm.end() < text.length()) {
            String b = bylineText(text.substring(0, bm.end()));
            byline = byline == null ? b : byline + " " + b;
            text = text.substring(bm.end()).strip();
          }
        }
        body.append(body.length() == 0 ? "" : "\n").append(text);
      }
    }
    double conf = 0.95;
    if (title == null) {
      conf = 0.4;
    } else if (margin < 0.15) {
      conf *= 0.6 + margin / 0.15 * 0.4;
    }
    if (groups.size() > 1) {
      conf *= 0.8;
    }
    if (run != null && run.subheads) {
      conf *= 0.9;
    }
    if (run != null && run.splitWithoutHeadline) {
      conf *= 0.8;
    }
    boolean continued = run != null && run.continued;
    return new PageStory(title, kicker, subtitle, byline, body.toString(), continued, false,
        Math.round(conf * 100) / 100.0);
  }

  private static boolean endsWithComma(String s) {
    return s.endsWith("，") || s.endsWith("、") || s.endsWith(",");
  }

  private static String stripDashes(String s) {
    return s.replaceFirst("^[—\\-－\\s]+", "").strip();
  }
}
