package org.topicline.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generic CSV (quoted fields may span lines), fields named in {@code topicline.ingest.generic}: by a header row, or
 * without one ({@code csv.header = false}) by position, as id, date, title, body, source.
 * Parsed per file with univocity (Spark's own CSV parser) after encoding detection, which Spark's CSV reader cannot
 * do per file.
 */
public final class CsvAdapter implements FileAdapter {
  public static final String FORMAT = "csv";
  private final GenericRecords records;
  private final char delimiter;
  private final boolean header;
  /** The names of the columns of a CSV without header, in order. */
  private final String[] positional;

  public CsvAdapter(IngestSettings settings) {
    this.records = new GenericRecords(settings);
    this.delimiter = settings.csvDelimiter();
    this.header = settings.csvHeader();
    IngestSettings.Generic g = settings.generic();
    // The names the records are looked up by, so a renamed field (generic.date = "published") is still found.
    this.positional = new String[] {g.id(), g.date(), g.title(), g.body(), g.source()};
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String source() {
    return null;
  }

  @Override
  public List<ParsedRecord> parseText(String path, String text) {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(delimiter);
    s.getFormat().setLineSeparator("\n");
    s.setLineSeparatorDetectionEnabled(true);
    s.setMaxCharsPerColumn(-1);
    s.setMaxColumns(4096);
    s.setSkipEmptyLines(true);
    CsvParser parser = new CsvParser(s);
    List<String[]> rows = parser.parseAll(new StringReader(text));
    List<ParsedRecord> out = new ArrayList<>(rows.size());
    if (rows.isEmpty()) {
      return out;
    }
    String[] names;
    int start;
    if (header) {
      names = rows.get(0);
      start = 1;
    } else {
      names = positional;
      start = 0;
    }
    for (int i = start; i < rows.size(); i++) {
      String[] row = rows.get(i);
      int index = i - start;
      if (row.length != names.length) {
        out.add(ParsedRecord.reject(FORMAT, null, FileAdapter.location(path, index), RejectReason.BAD_CSV_ROW,
            row.length + " fields, " + (header ? "header has " : "expected ") + names.length,
            String.join(String.valueOf(delimiter), row)));
        continue;
      }
      Map<String, String> m = new HashMap<>();
      for (int c = 0; c < names.length; c++) {
        if (names[c] != null) {
          m.put(names[c].strip(), row[c]);
        }
      }
      out.add(records.toRecord(FORMAT, path, index, m::get, String.join(String.valueOf(delimiter), row)));
    }
    return out;
  }
}
