package org.topicline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Generic JSON Lines: one object per line, fields named in {@code topicline.ingest.generic}. */
public final class JsonlAdapter implements FileAdapter {
  public static final String FORMAT = "jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final GenericRecords records;

  public JsonlAdapter(IngestSettings settings) {
    this.records = new GenericRecords(settings);
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
    List<ParsedRecord> out = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    int index = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      // The index counts non-blank lines, so a record keeps its location when blank lines are added.
      out.add(parseLine(path, index++, line));
    }
    return out;
  }

  private ParsedRecord parseLine(String path, int index, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (java.io.IOException e) {
      return ParsedRecord.reject(FORMAT, null, FileAdapter.location(path, index), RejectReason.NOT_JSON,
          e.getMessage() == null ? "" : e.getMessage().split("\n")[0], line);
    }
    if (node == null || !node.isObject()) {
      return ParsedRecord.reject(FORMAT, null, FileAdapter.location(path, index), RejectReason.BAD_STRUCTURE,
          "line is JSON but not an object", line);
    }
    return records.toRecord(FORMAT, path, index, k -> {
      JsonNode v = node.get(k);
      return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }, line);
  }
}
