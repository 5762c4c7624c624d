package org.topicline.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Stories to lay out on pages, and the pages themselves: {@link #pages} deals stories onto pages of 3 to 7, with a
 * photo story on some. Stories come from the generated sample corpus, or from People's Daily article files (kicker
 * line, title line, indented paragraphs): real headlines over real bodies, so whether a title shares wording with
 * its story is as in print.
 */
public final class PageStories {
  private static final String[] PHOTO_KICKERS = {"环卫车", "新春走基层", "美丽乡村", "丰收季", "新气象", "图片新闻", "志愿者"};

  private PageStories() {}

  /** Reads up to {@code max} usable articles (a title and at least two paragraphs) under {@code dir}. */
  public static List<PageRenderer.Story> peoplesDaily(Configuration hadoop, String dir, int max) throws IOException {
    Path root = new Path(dir);
    FileSystem fs = root.getFileSystem(hadoop);
    List<String> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      LocatedFileStatus st = it.next();
      if (st.getPath().getName().endsWith(".txt")) {
        files.add(st.getPath().toString());
      }
    }
    files.sort(null);
    List<PageRenderer.Story> out = new ArrayList<>();
    for (String f : files) {
      if (out.size() >= max) {
        break;
      }
      String text;
      try (InputStream in = fs.open(new Path(f))) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      PageRenderer.Story s = peoplesDailyStory(text);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** Stories from the generated sample corpus (reprints left out: a page prints a story once). */
  public static List<PageRenderer.Story> sample(SampleOptions options, int max) {
    List<PageRenderer.Story> out = new ArrayList<>();
    java.util.Iterator<SampleArticle> it = SampleCorpus.iterator(options);
    while (it.hasNext() && out.size() < max) {
      SampleArticle a = it.next();
      if (a.reprintOf() == null && !a.paragraphs().isEmpty()) {
        out.add(new PageRenderer.Story(a.title(), a.kicker(), null, a.paragraphs()));
      }
    }
    return out;
  }

  static PageRenderer.Story peoplesDailyStory(String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n");
    if (lines.length < 4) {
      return null;
    }
    String kicker = clean(lines[0]);
    String title = clean(lines[1]);
    List<String> paras = new ArrayList<>();
    for (int i = 2; i < lines.length && paras.size() < 6; i++) {
      String p = clean(lines[i]);
      if (!p.isEmpty()) {
        paras.add(p.length() > 400 ? cutAtSentence(p, 400) : p);
      }
    }
    // Lines before the first sentence are the deck (副题), printed with the headline.
    List<String> deck = new ArrayList<>();
    while (!paras.isEmpty() && paras.get(0).length() <= 40
        && (!endsSentence(paras.get(0)) || paras.get(0).startsWith("（"))) {
      deck.add(paras.remove(0).replaceFirst("^[—\\-]+", ""));
    }
    if (title.length() < 4 || title.length() > 30 || paras.size() < 2 || deck.size() > 1) {
      return null;
    }
    // Only running text: feature pages, photo spreads, adverts and tables are not what pages are cut into.
    for (String p : paras) {
      if (p.length() < 20 || !endsSentence(p) || p.endsWith("摄") || p.startsWith("——") || p.contains("数据来源")) {
        return null;
      }
    }
    return new PageRenderer.Story(title, kicker.isEmpty() || kicker.length() > 30 ? null : kicker,
        deck.isEmpty() ? null : deck.get(0), paras);
  }

  private static boolean endsSentence(String p) {
    return p.endsWith("。") || p.endsWith("！") || p.endsWith("？") || p.endsWith("”") || p.endsWith("）");
  }

  private static String clean(String s) {
    return s.replace('\u3000', ' ').replace('\u00A0', ' ').strip();
  }

  private static String cutAtSentence(String p, int max) {
    if (p.length() <= max) {
      return p;
    }
    int cut = p.lastIndexOf('。', max);
    return cut > 40 ? p.substring(0, cut + 1) : p.substring(0, max) + "。";
  }

  /** Deals stories onto {@code count} pages, cycling through them; about a third of pages get a photo. */
  public static List<PageRenderer.Page> pages(List<PageRenderer.Story> stories, int count, long seed) {
    if (stories.size() < 8) {
      throw new IllegalArgumentException("need at least 8 stories to lay out pages, got " + stories.size());
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<PageRenderer.Page> pages = new ArrayList<>(count);
    int next = 0;
    for (int p = 0; p < count; p++) {
      int n = 3 + rnd.nextInt(5);
      List<PageRenderer.Story> on = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        on.add(stories.get(next++ % stories.size()));
      }
      PageRenderer.Story photo = null;
      if (rnd.nextDouble() < 0.35) {
        photo = photo(stories.get(next++ % stories.size()), rnd);
      }
      pages.add(PageRenderer.render(on, photo, rnd.split()));
    }
    return pages;
  }

  /** A photo story from an article: a short title, maybe a kicker, and one or two sentences as caption. */
  private static PageRenderer.Story photo(PageRenderer.Story s, SplittableRandom rnd) {
    String t = s.title().replaceAll("[\\s，、：！？“”]", "");
    String title = t.length() <= 10 ? t : t.substring(0, 4 + rnd.nextInt(5));
    String kicker = rnd.nextDouble() < 0.5 ? PHOTO_KICKERS[rnd.nextInt(PHOTO_KICKERS.length)] : null;
    String caption = cutAtSentence(s.paragraphs().get(0), 120);
    return new PageRenderer.Story(title, kicker, null, List.of(caption));
  }
}
