package org.topicline.io;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
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
   * Runs a command's body and logs it: the runs row is appended whether the body succeeds or fails (an Error or an
   * undeclared checked exception included), and a failure to log never hides the body's own exception, which is
   * rethrown with the logging failure suppressed in it. The failed row's message is the exception's
   * {@code toString()}.
   */
  public static <T> T logged(SparkSession spark, String output, RunRecord run, Supplier<T> body) {
    return logged(spark, output, run, Throwable::toString, body);
  }

  /**
   * As {@link #logged(SparkSession, String, RunRecord, Supplier)}, with the failed row's message made from the
   * body's exception by {@code failureMessage}.
   */
  public static <T> T logged(SparkSession spark, String output, RunRecord run,
      Function<Throwable, String> failureMessage, Supplier<T> body) {
    T result;
    try {
      result = body.get();
    } catch (Throwable e) {
      // Throwable, not RuntimeException: Spark rethrows Hadoop's checked IOExceptions undeclared, and an Error
      // should not leave the run unlogged either. The body declares nothing checked, so rethrowing e compiles.
      run.setStatus(FAILED);
      run.setMessage(failureMessage.apply(e));
      try {
        append(spark, output, run);
      } catch (Throwable logFailure) {
        e.addSuppressed(logFailure);
      }
      throw e;
    }
    // Outside the try: a failure to append a succeeded row is that failure, not a failed run to log again.
    run.setStatus(SUCCEEDED);
    append(spark, output, run);
    return result;
  }

  /** Appends the finished run to {@code output/runs}. */
  public static void append(SparkSession spark, String output, RunRecord record) {
    if (record.getFinishedAt() == null) {
      record.setFinishedAt(Timestamp.from(Instant.now()));
    }
    Dataset<RunRecord> row = spark.createDataset(List.of(record), ENCODER).coalesce(1);
    TableIO.write(row, output, SPEC, TableIO.Mode.APPEND, record.getRunId());
  }

  /** All runs so far, newest last; the table must exist ({@link TableIO#exists}), else Spark's read fails. */
  public static Dataset<Row> read(SparkSession spark, String output) {
    return TableIO.read(spark, output, Tables.RUNS).orderBy("started_at");
  }
}
