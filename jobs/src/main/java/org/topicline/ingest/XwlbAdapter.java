package org.topicline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CCTV 新闻联播 day files: a (gzipped) JSON object {@code {total, serverTime, videoList[]}}. Each item becomes one
 * record: title without {@code [视频]}, HTML content stripped to paragraphs, the editor's {@code brief} kept, the
 * item's {@code video_id} as source id, the date from {@code pub_date} (or the file name when that is missing).
 */
public final class XwlbAdapter implements FileAdapter {
  public static final String FORMAT = "xwlb";
  public static final String SOURCE = "xwlb";
  private static final Pattern DAY_FILE = Pattern.compile("(\\d{8})\\.json(?:\\.gz)?$");
  private static final ObjectMapper JSON = new ObjectMapper();

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
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (java.io.IOException e) {
      return List.of(fileReject(path, RejectReason.NOT_JSON, firstLine(e.getMessage()), text));
    }
    JsonNode list = root == null ? null : root.get("videoList");
    if (list == null || !list.isArray()) {
      return List.of(fileReject(path, RejectReason.BAD_STRUCTURE, "no videoList array", text));
    }
    LocalDate fileDate = dateFromFileName(path);
    List<ParsedRecord> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(item(path, i, list.get(i), fileDate));
    }
    return out;
  }

  private ParsedRecord item(String path, int index, JsonNode item, LocalDate fileDate) {
    String location = FileAdapter.location(path, index);
    if (item == null || !item.isObject()) {
      return ParsedRecord.reject(FORMAT, SOURCE, location, RejectReason.BAD_STRUCTURE, "item is not an object",
          String.valueOf(item));
    }
    JsonNode detail = item.path("video_detail");
    String id = firstText(item.path("video_id"), detail.path("id"), item.path("guid"));
    ParsedRecord r = ParsedRecord.article(FORMAT, SOURCE, location, id);
    r.setTitle(TextCleaning.title(firstText(item.path("video_title"), detail.path("title"))));
    r.setBody(TextCleaning.htmlToText(detail.path("content").asText("")));
    String brief = TextCleaning.paragraphs(item.path("brief").asText(""));
    r.setBrief(brief.isEmpty() ? null : brief);
    String date = firstText(item.path("pub_date"), detail.path("pubtime"));
    if (date != null && date.length() >= 10) {
      try {
        r.setPubDate(LocalDate.parse(date.substring(0, 10)));
      } catch (DateTimeParseException e) {
        return r.toReject(RejectReason.BAD_DATE, "pub_date '" + date + "'");
      }
    } else {
      r.setPubDate(fileDate);
    }
    if (id == null) {
      // Without video_id the item is still an article; its place in the archive identifies it.
      r.setSourceId(FileAdapter.fileName(path) + "#" + index);
    }
    return r;
  }

  static LocalDate dateFromFileName(String path) {
    Matcher m = DAY_FILE.matcher(FileAdapter.fileName(path));
    if (!m.find()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group(1), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String firstText(JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n != null && n.isValueNode() && !n.asText().isBlank()) {
        return n.asText().strip();
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
