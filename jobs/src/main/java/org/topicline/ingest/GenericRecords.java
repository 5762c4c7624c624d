package org.topicline.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps a generic record (a JSON object, a CSV row, a Parquet row) to a candidate article through the field names in
 * {@code topicline.ingest.generic}; shared by the jsonl, csv and parquet formats.
 */
final class GenericRecords implements Serializable {
  private final IngestSettings.Generic fields;
  private transient List<DateTimeFormatter> formats;
  private final IngestSettings settings;

  GenericRecords(IngestSettings settings) {
    this.settings = settings;
    this.fields = settings.generic();
  }

  private List<DateTimeFormatter> formats() {
    if (formats == null) {
      List<DateTimeFormatter> f = new ArrayList<>();
      for (String p : fields.dateFormats()) {
        f.add(DateTimeFormatter.ofPattern(p));
      }
      formats = f;
    }
    return formats;
  }

  /** {@code get} returns a field's value as text, or null when the record lacks it. */
  ParsedRecord toRecord(String format, String path, int index, Function<String, String> get, String payload) {
    String location = FileAdapter.location(path, index);
    String source = blankToNull(get.apply(fields.source()));
    if (source == null) {
      source = fields.defaultSource();
    }
    String id = blankToNull(get.apply(fields.id()));
    if (id == null) {
      id = FileAdapter.fileName(path) + "#" + index;
    }
    ParsedRecord r = ParsedRecord.article(format, source, location, id);
    r.setTitle(TextCleaning.title(get.apply(fields.title())));
    r.setBody(TextCleaning.paragraphs(get.apply(fields.body())));
    String brief = TextCleaning.paragraphs(get.apply(fields.brief()));
    r.setBrief(brief.isEmpty() ? null : brief);
    String page = blankToNull(get.apply(fields.page()));
    if (page != null) {
      try {
        r.setPage(Integer.parseInt(page.strip()));
      } catch (NumberFormatException e) {
        // A page that is not a number is kept out of the numeric column rather than rejecting the article.
        r.setPage(null);
      }
    }
    String date = blankToNull(get.apply(fields.date()));
    if (date == null) {
      ParsedRecord rej = r.toReject(RejectReason.NO_DATE, "field '" + fields.date() + "' is missing or empty");
      rej.setPayload(truncate(payload));
      return rej;
    }
    LocalDate d = parseDate(date.strip());
    if (d == null) {
      ParsedRecord rej = r.toReject(RejectReason.BAD_DATE, "cannot parse date '" + date + "'");
      rej.setPayload(truncate(payload));
      return rej;
    }
    r.setPubDate(d);
    return r;
  }

  LocalDate parseDate(String s) {
    try {
      return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
    } catch (DateTimeParseException ignored) {
      // try the others
    }
    try {
      return OffsetDateTime.parse(s).atZoneSameInstant(settings.timezone()).toLocalDate();
    } catch (DateTimeParseException ignored) {
      // try the others
    }
    for (DateTimeFormatter f : formats()) {
      try {
        var parsed = f.parse(s);
        if (parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
          return LocalDateTime.from(parsed).toLocalDate();
        }
        return LocalDate.from(parsed);
      } catch (java.time.DateTimeException ignored) {
        // next format
      }
    }
    return null;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500);
  }

  static Function<String, String> fromMap(Map<String, ?> m) {
    return k -> {
      Object v = m.get(k);
      return v == null ? null : String.valueOf(v);
    };
  }
}
