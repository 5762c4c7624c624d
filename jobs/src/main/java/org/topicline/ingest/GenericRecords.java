package org.topicline.ingest;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps a generic record (a JSON object, a CSV row, a Parquet row) to a candidate article through the field names in
 * {@code topicline.ingest.generic}; shared by the jsonl, csv and parquet formats.
 */
final class GenericRecords implements Serializable {
  /**
   * ISO date-times with an optional offset and zone: {@code Z}, {@code +08:00}, {@code [Asia/Shanghai]}, and the
   * offsets without colon ({@code +0800}, {@code +08}) that many exporters write.
   */
  private static final DateTimeFormatter ISO_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().parseLenient().appendOffset("+HH", "Z").parseStrict().optionalEnd()
      .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
      .toFormatter().withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);

  private final IngestSettings.Generic fields;
  private transient List<DateTimeFormatter> formats;
  private final IngestSettings settings;

  GenericRecords(IngestSettings settings) {
    this.settings = settings;
    this.fields = settings.generic();
  }

  private List<DateTimeFormatter> formats() {
    if (formats == null) {
      // ISO dates and date-times always work (the conf says so), whatever patterns are configured.
      List<DateTimeFormatter> f = new ArrayList<>(List.of(DateTimeFormatter.ISO_LOCAL_DATE, ISO_DATE_TIME));
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
    for (DateTimeFormatter f : formats()) {
      try {
        return dateOf(f.parse(s));
      } catch (DateTimeException ignored) {
        // next format
      }
    }
    return null;
  }

  /**
   * A time with an offset or zone is an instant: its date is the day it fell on in {@code ingest.timezone}. A local
   * time has no instant to convert, so it keeps the date written.
   */
  private LocalDate dateOf(TemporalAccessor parsed) {
    if (parsed.isSupported(ChronoField.HOUR_OF_DAY) && parsed.query(TemporalQueries.zone()) != null) {
      return ZonedDateTime.from(parsed).withZoneSameInstant(settings.timezone()).toLocalDate();
    }
    return LocalDate.from(parsed);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500);
  }

  static Function<String, String> fromMap(Map<String, ?> m) {
    return k -> text(m.get(k));
  }

  /**
   * A field's value as text. Typed date and time columns (Parquet's DATE, TIMESTAMP, TIMESTAMP_NTZ) become ISO text:
   * {@code String.valueOf} of a {@code java.sql.Timestamp} is a wall-clock time in the JVM's zone with a fraction
   * ("2022-06-01 23:30:00.0") that no date format reads, and the instant it stands for would be lost.
   */
  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof java.sql.Timestamp t) {
      // An instant: dateOf turns it into the day in ingest.timezone.
      return t.toInstant().toString();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    // Instant, LocalDate and LocalDateTime (Spark's Java 8 time API, TIMESTAMP_NTZ) print ISO text already.
    return String.valueOf(v);
  }
}
