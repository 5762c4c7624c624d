package org.topicline.ingest;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.topicline.io.TableSpec;
import org.topicline.io.Tables;

/** A row of the {@code rejects} table: an input record that did not become an article, and why. */
public class RejectRow implements Serializable {
  public static final Encoder<RejectRow> ENCODER = Encoders.bean(RejectRow.class);
  /** The value of {@code input_window} for runs over all input. */
  public static final String ALL = "all";

  public static final TableSpec SPEC = TableSpec.builder(Tables.REJECTS)
      .column("source", "source of the record when known (xwlb, peoples-daily, the generic source field), else null")
      .column("format", "input format it was read as")
      .column("location", "input file and record index (file#index)")
      .column("source_id", "the record's own id when it could be read, else null")
      .column("reason", "short code: not_json, bad_structure, empty_body, no_date, bad_date, binary_file, "
          + "bad_encoding, corrupt_gzip, bad_csv_row, bad_file_name, duplicate_id, too_large, unreadable")
      .column("detail", "what exactly was wrong")
      .column("payload", "the first 500 characters of the record, when it was text")
      .column("run_id", "the ingest run that wrote the row")
      .column("input_window", "the --from/--to window of the run widened to whole months (from_to), or 'all'")
      .partitionBy("input_window")
      .build();

  private String source;
  private String format;
  private String location;
  private String sourceId;
  private String reason;
  private String detail;
  private String payload;
  private String runId;
  private String inputWindow;

  static RejectRow of(ParsedRecord r, String runId, String window) {
    RejectRow row = new RejectRow();
    row.source = r.getSource();
    row.format = r.getFormat();
    row.location = r.getLocation();
    row.sourceId = r.getSourceId();
    row.reason = r.getReason();
    row.detail = r.getDetail();
    row.payload = r.getPayload();
    row.runId = runId;
    row.inputWindow = window;
    return row;
  }

  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getFormat() { return format; }
  public void setFormat(String v) { format = v; }
  public String getLocation() { return location; }
  public void setLocation(String v) { location = v; }
  public String getSourceId() { return sourceId; }
  public void setSourceId(String v) { sourceId = v; }
  public String getReason() { return reason; }
  public void setReason(String v) { reason = v; }
  public String getDetail() { return detail; }
  public void setDetail(String v) { detail = v; }
  public String getPayload() { return payload; }
  public void setPayload(String v) { payload = v; }
  public String getRunId() { return runId; }
  public void setRunId(String v) { runId = v; }
  public String getInputWindow() { return inputWindow; }
  public void setInputWindow(String v) { inputWindow = v; }
}
