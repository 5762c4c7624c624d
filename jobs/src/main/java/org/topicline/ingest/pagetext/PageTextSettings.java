package org.topicline.ingest.pagetext;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

/**
 * The {@code topicline.ingest.page-text} section: the source name given to every story, and the date used when
 * neither a page's path nor its text carries one (null: such pages are rejected as {@code no_date}).
 */
public record PageTextSettings(String source, LocalDate date) implements Serializable {
  public static final PageTextSettings DEFAULTS = new PageTextSettings("page-text", null);

  public static PageTextSettings from(TopiclineConf conf) {
    String source = conf.getString("ingest.page-text.source").strip();
    if (source.isEmpty()) {
      throw new ConfException(TopiclineConf.fullKey("ingest.page-text.source"), "must not be empty"
          + conf.where("ingest.page-text.source"));
    }
    String date = conf.getString("ingest.page-text.date").strip();
    if (date.isEmpty()) {
      return new PageTextSettings(source, null);
    }
    try {
      return new PageTextSettings(source, LocalDate.parse(date));
    } catch (DateTimeParseException e) {
      throw new ConfException(TopiclineConf.fullKey("ingest.page-text.date"), "not a date (YYYY-MM-DD): '" + date
          + "'" + conf.where("ingest.page-text.date"));
    }
  }
}
