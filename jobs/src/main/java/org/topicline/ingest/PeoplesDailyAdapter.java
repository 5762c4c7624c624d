package org.topicline.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 人民日报 archives with one {@code .txt} per article, named {@code YYYYMMDD-page-n.txt}: line 1 is empty or a
 * kicker (引题), line 2 the title, then the body with full-width indentation and CRLF line ends.
 */
public final class PeoplesDailyAdapter implements FileAdapter {
  public static final String FORMAT = "peoples-daily";
  public static final String SOURCE = "peoples-daily";
  private static final Pattern NAME = Pattern.compile("^(\\d{8})-(\\d+)-(\\d+)\\.txt$");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public List<ParsedRecord> parseText(String path, String text) {
    String name = FileAdapter.fileName(path);
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return List.of(fileReject(path, RejectReason.BAD_FILE_NAME, "expected YYYYMMDD-page-n.txt, got " + name, text));
    }
    ParsedRecord r = ParsedRecord.article(FORMAT, SOURCE, FileAdapter.location(path, 0), name);
    try {
      r.setPubDate(LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE));
    } catch (DateTimeParseException e) {
      return List.of(r.toReject(RejectReason.BAD_DATE, "file name date " + m.group(1)));
    }
    r.setPage(Integer.parseInt(m.group(2)));
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    String kicker = lines.length > 0 ? TextCleaning.title(lines[0]) : null;
    String title = lines.length > 1 ? TextCleaning.title(lines[1]) : null;
    if (title == null && kicker != null) {
      // A file whose first line holds the title and whose second is blank.
      title = kicker;
      kicker = null;
    }
    r.setKicker(kicker);
    r.setTitle(title);
    StringBuilder body = new StringBuilder();
    for (int i = 2; i < lines.length; i++) {
      body.append(lines[i]).append('\n');
    }
    r.setBody(TextCleaning.paragraphs(body.toString()));
    return List.of(r);
  }
}
