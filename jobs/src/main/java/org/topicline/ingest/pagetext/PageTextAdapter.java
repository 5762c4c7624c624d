package org.topicline.ingest.pagetext;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.topicline.ingest.FileAdapter;
import org.topicline.ingest.ParsedRecord;
import org.topicline.ingest.RejectReason;

/**
 * {@code page-text}: text extracted from one newspaper page PDF per file, split into one record per story by
 * {@link PageSplitter}. The source id is the page's folder and file name and the story's place on the page
 * ({@code 2022-11-17/page-01.txt#2}); the
 * page number comes from the file name ({@code …-page-3.txt}, {@code …_p03.txt}, {@code 第3版}); the date from the
 * path ({@code 2022-11-17}, {@code 20221117}, {@code 2022/11/17}), else the page text ({@code 2022年11月17日}), else
 * conf {@code topicline.ingest.page-text.date}; a page with none of them is rejected as {@code no_date}.
 */
public final class PageTextAdapter implements FileAdapter {
  public static final String FORMAT = "page-text";
  private static final Pattern PATH_DATE = Pattern.compile(
      "(?<!\\d)((?:19|20)\\d{2})[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\\d|3[01])(?!\\d)");
  private static final Pattern TEXT_DATE = Pattern.compile(
      "((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
  private static final Pattern PAGE_NO = Pattern.compile(
      "(?i)(?:page|(?<![a-z])p|版)[-_ ]?0*(\\d{1,3})(?!\\d)|第\\s*0*(\\d{1,3})\\s*版");
  /** The text date is looked for in the page's masthead area only, not in every story. */
  private static final int TEXT_DATE_CHARS = 400;

  private final PageTextSettings settings;

  public PageTextAdapter(PageTextSettings settings) {
    this.settings = settings;
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String source() {
    return settings.source();
  }

  @Override
  public List<ParsedRecord> parseText(String path, String text) {
    LocalDate date = dateOf(path, text);
    if (date == null) {
      return List.of(fileReject(path, RejectReason.NO_DATE,
          "no date in the path nor the page text, and topicline.ingest.page-text.date is not set", text));
    }
    List<PageStory> stories = PageSplitter.split(text);
    if (stories.isEmpty()) {
      return List.of(fileReject(path, RejectReason.EMPTY_BODY, "the page has no text", text));
    }
    String name = FileAdapter.fileName(path);
    Integer page = pageOf(name);
    String id = pageId(path, name);
    List<ParsedRecord> out = new ArrayList<>(stories.size());
    for (int i = 0; i < stories.size(); i++) {
      PageStory s = stories.get(i);
      ParsedRecord r = ParsedRecord.article(FORMAT, settings.source(), FileAdapter.location(path, i), id + "#" + i);
      r.setPubDate(date);
      r.setTitle(s.title());
      r.setKicker(s.kicker());
      r.setSubtitle(s.subtitle());
      r.setByline(s.byline());
      r.setBody(s.body());
      r.setPage(page);
      r.setContinued(s.continued());
      r.setSegmentationConfidence(s.segmentationConfidence());
      out.add(r);
    }
    return out;
  }

  /**
   * The page's name within the archive: its folder and file name ({@code 2022-11-17/page-01.txt}), since archives
   * sorted into folders by day reuse the same page file names every day.
   */
  static String pageId(String path, String name) {
    String p = FileAdapter.decodePath(path);
    int end = p.length() - name.length() - 1;
    int start = end > 0 ? p.lastIndexOf('/', end - 1) : -1;
    return end > 0 && start >= 0 && p.charAt(end) == '/' ? p.substring(start + 1) : name;
  }

  LocalDate dateOf(String path, String text) {
    LocalDate d = first(PATH_DATE.matcher(FileAdapter.decodePath(path)));
    if (d == null) {
      d = first(TEXT_DATE.matcher(text.substring(0, Math.min(text.length(), TEXT_DATE_CHARS))));
    }
    return d != null ? d : settings.date();
  }

  private static LocalDate first(Matcher m) {
    LocalDate found = null;
    while (m.find()) {
      try {
        // The last date in a path is the most specific (folders by year, files by day).
        found = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      } catch (DateTimeException e) {
        // Not a calendar date (20221131): keep looking.
      }
    }
    return found;
  }

  static Integer pageOf(String fileName) {
    String stem = fileName.replaceFirst("\\.[A-Za-z0-9]+(\\.gz)?$", "");
    Matcher m = PAGE_NO.matcher(stem);
    Integer page = null;
    while (m.find()) {
      page = Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return page;
  }
}
