package org.topicline.ingest;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.pagetext.PageTextSettings;

/** The {@code topicline.ingest} section, validated. */
public record IngestSettings(
    ZoneId timezone,
    int minBodyChars,
    int maxFileBytes,
    Dedup dedup,
    Generic generic,
    char csvDelimiter,
    boolean csvHeader,
    PageTextSettings pageText) implements Serializable {

  /** Near-duplicate detection settings. */
  public record Dedup(boolean enabled, int shingleChars, int bands, int rowsPerBand, double threshold, int minChars)
      implements Serializable {}

  /** Field names of generic records. */
  public record Generic(String id, String date, String title, String body, String source, String brief, String page,
      String defaultSource, List<String> dateFormats) implements Serializable {}

  public static IngestSettings from(TopiclineConf conf) {
    ZoneId zone;
    try {
      zone = ZoneId.of(conf.getString("ingest.timezone"));
    } catch (java.time.DateTimeException e) {
      throw new ConfException(TopiclineConf.fullKey("ingest.timezone"), "not a time zone: " + e.getMessage()
          + conf.where("ingest.timezone"));
    }
    Dedup dedup = new Dedup(
        conf.getBoolean("ingest.dedup.enabled"),
        conf.getInt("ingest.dedup.shingle-chars", 1, 50),
        conf.getInt("ingest.dedup.bands", 1, 256),
        conf.getInt("ingest.dedup.rows-per-band", 1, 64),
        conf.getDouble("ingest.dedup.threshold", 0.0, 1.0),
        conf.getInt("ingest.dedup.min-chars", 0, Integer.MAX_VALUE));
    List<String> formats = conf.getStringList("ingest.generic.date-formats");
    for (String f : formats) {
      try {
        java.time.format.DateTimeFormatter.ofPattern(f);
      } catch (IllegalArgumentException e) {
        throw new ConfException(TopiclineConf.fullKey("ingest.generic.date-formats"),
            "bad pattern '" + f + "': " + e.getMessage() + conf.where("ingest.generic.date-formats"));
      }
    }
    Generic generic = new Generic(
        conf.getNonBlankString("ingest.generic.id"),
        conf.getNonBlankString("ingest.generic.date"),
        conf.getNonBlankString("ingest.generic.title"),
        conf.getNonBlankString("ingest.generic.body"),
        conf.getNonBlankString("ingest.generic.source"),
        conf.getNonBlankString("ingest.generic.brief"),
        conf.getNonBlankString("ingest.generic.page"),
        conf.getNonBlankString("ingest.generic.default-source"),
        formats);
    String delimiter = conf.getString("ingest.csv.delimiter");
    if (delimiter.length() != 1 && !delimiter.equals("\\t")) {
      throw new ConfException(TopiclineConf.fullKey("ingest.csv.delimiter"), "must be one character, was '"
          + delimiter + "'" + conf.where("ingest.csv.delimiter"));
    }
    return new IngestSettings(zone, conf.getInt("ingest.min-body-chars", 0, 1_000_000),
        // Spark reads a file's bytes into one array, so no file can be larger than that.
        conf.getInt("ingest.max-file-bytes", 1, Integer.MAX_VALUE - 8), dedup, generic,
        delimiter.equals("\\t") ? '\t' : delimiter.charAt(0), conf.getBoolean("ingest.csv.header"),
        PageTextSettings.from(conf));
  }
}
