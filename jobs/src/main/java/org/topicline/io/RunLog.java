package org.topicline.io;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code runs} table: every command appends one row when it ends, successful or not, so that its counts can be
 * reconciled later and {@code --since-last-run} knows where the last run stopped.
 */
public final class RunLog {
  public static final Encoder<RunRecord> ENCODER = Encoders.bean(RunRecord.class);
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public static final TableSpec SPEC = TableSpec.builder(Tables.RUNS)
      .column("run_id", "unique id of the run: UTC start time plus a random suffix")
      .column("command", "the topicline command (ingest, train, score, ...)")
      .column("args", "the command line as given")
      .column("started_at", "when the run started (UTC)")
      .column("finished_at", "when the run ended (UTC)")
      .column("status", "succeeded or failed")
      .column("records_read", "input records read (ingest: one per item, or per file that could not be parsed)")
      .column("articles_written", "articles written (ingest: records_read = articles_written + rejected)")
      .column("rejected", "records written to rejects")
      .column("duplicates", "articles written with dup_of set (reprints)")
      .column("rows_written", "rows written per table")
      .column("conf_hash", "hash of the resolved conf")
      .column("message", "error message when the run failed")
      .build();

  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private RunLog() {}

  public static String newRunId() {
    return ID.format(Instant.now()) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  }

  public static RunRecord start(String runId, String command, String args, String confHash) {
    RunRecord r = new RunRecord();
    r.setRunId(runId);
    r.setCommand(command);
    r.setArgs(args);
    r.setStartedAt(Timestamp.from(Instant.now()));
    r.setStatus("running");
    r.setConfHash(confHash);
    return r;
  }

  /**
   * Runs a command's body and logs it: the runs row is appended whether the body succeeds or fails, and a failure
   * to log never hides the body's own exception.
   */
  public static <T> T logged(SparkSession spark, String output, RunRecord run,
      java.util.function.Supplier<T> body) {
    try {
      T result = body.get();
      run.setStatus(SUCCEEDED);
      append(spark, output, run);
      return result;
    } catch (RuntimeException e) {
      run.setStatus(FAILED);
      run.setMessage(e.toString());
      try {
        append(spark, output, run);
      } catch (RuntimeException logFailure) {
        e.addSuppressed(logFailure);
      }
      throw e;
    }
  }

  /** Appends the finished run to {@code output/runs}. */
  public static void append(SparkSession spark, String output, RunRecord record) {
    if (record.getFinishedAt() == null) {
      record.setFinishedAt(Timestamp.from(Instant.now()));
    }
    Dataset<RunRecord> row = spark.createDataset(List.of(record), ENCODER).coalesce(1);
    TableIO.write(row, output, SPEC, TableIO.Mode.APPEND, record.getRunId());
  }

  /** All runs so far, newest last; empty when the table does not exist yet. */
  public static Dataset<Row> read(SparkSession spark, String output) {
    return TableIO.read(spark, output, Tables.RUNS).orderBy("started_at");
  }
}
