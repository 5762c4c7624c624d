package org.topicline.ingest;

import java.util.List;
import java.util.Locale;
import org.topicline.ingest.pagetext.PageTextAdapter;

/**
 * The input formats of {@code ingest --input FORMAT:PATH}. File formats are read as bytes and parsed by a
 * {@link FileAdapter}; {@code parquet} is read by Spark's Parquet reader and mapped like the other generic formats.
 */
public final class InputFormats {
  public static final String PARQUET = "parquet";

  public static final List<String> NAMES = List.of(
      XwlbAdapter.FORMAT, PeoplesDailyAdapter.FORMAT, JsonlAdapter.FORMAT, CsvAdapter.FORMAT, PARQUET,
      PageTextAdapter.FORMAT);

  private InputFormats() {}

  /** The adapter for a file format; throws with the list of formats for an unknown one. */
  public static FileAdapter adapter(String format, IngestSettings settings) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case XwlbAdapter.FORMAT -> new XwlbAdapter();
      case PeoplesDailyAdapter.FORMAT -> new PeoplesDailyAdapter();
      case JsonlAdapter.FORMAT -> new JsonlAdapter(settings);
      case CsvAdapter.FORMAT -> new CsvAdapter(settings);
      case PageTextAdapter.FORMAT -> new PageTextAdapter(settings.pageText());
      default -> throw new IllegalArgumentException("unknown input format '" + format + "'; known: " + NAMES);
    };
  }
}
