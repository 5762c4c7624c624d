package org.topicline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.topicline.io.DataPaths;
import org.topicline.io.DateWindow;
import org.topicline.io.JobResult;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;

/**
 * {@code topicline ingest}: reads archives in several formats and writes a clean, de-duplicated {@code articles}
 * table, a {@code rejects} table for every record that could not be used, and one {@code runs} row.
 *
 * <p>Steps: 1) read every input as records (one per item; one per file that cannot be parsed) 2) validate
 * 3) keep the --from/--to window 4) reject repeated ids 5) mark reprints 6) write articles and rejects 7) check that
 * records read = articles written + rejected (+ outside the window) and log the run.
 */
public final class IngestJob {
  public static final String COMMAND = "ingest";
  /** Partitions per core of the records while ingest works on them: enough to balance, few enough to be cheap. */
  static final int PARTITIONS_PER_CORE = 4;
  private static final String REPRINTS = "reprints";

  /** Typed options; {@code from}/{@code to} (nullable) restrict the run to a date window. */
  public record Options(List<InputSpec> inputs, String output, IngestSettings settings, LocalDate from,
      LocalDate to, String confHash, String commandLine) {
    public Options {
      if (inputs == null || inputs.isEmpty()) {
        throw new IllegalArgumentException("at least one --input FORMAT:PATH is needed");
      }
      if (output == null || output.isBlank()) {
        throw new IllegalArgumentException("--output is needed");
      }
      if (from != null && to != null && from.isAfter(to)) {
        throw new IllegalArgumentException("--from " + from + " is after --to " + to);
      }
    }

    boolean windowed() {
      return from != null || to != null;
    }

    /** The {@code rejects} partition: the window widened to whole months, as the articles it rewrites. */
    String window() {
      LocalDate first = DateWindow.monthStart(from);
      LocalDate last = DateWindow.monthEnd(to);
      return windowed() ? (first == null ? "" : first.toString()) + "_" + (last == null ? "" : last.toString())
          : RejectRow.ALL;
    }
  }

  /** What one ingest run read and wrote. */
  public record Result(String runId, String output, long recordsRead, long articlesWritten, long rejected,
      long duplicates, long outsideWindow, Map<String, Long> readByFormat, Map<String, Long> rejectsByReason)
      implements JobResult {
    @Override
    public String summary() {
      StringBuilder b = new StringBuilder();
      b.append("ingest ").append(runId).append('\n');
      b.append(String.format("  read      %,10d records %s%n", recordsRead, readByFormat));
      b.append(String.format("  articles  %,10d written (%,d marked as reprints: dup_of) -> %s%n", articlesWritten,
          duplicates, Tables.path(output, Tables.ARTICLES)));
      b.append(String.format("  rejects   %,10d %s -> %s%n", rejected, rejectsByReason,
          Tables.path(output, Tables.REJECTS)));
      if (outsideWindow > 0) {
        b.append(String.format("  skipped   %,10d records outside the --from/--to window%n", outsideWindow));
      }
      b.append(String.format("  check     read %,d = written %,d + rejected %,d%s: ok%n", recordsRead,
          articlesWritten, rejected, outsideWindow > 0 ? String.format(" + outside window %,d", outsideWindow) : ""));
      b.append("  run log   -> ").append(Tables.path(output, Tables.RUNS));
      return b.toString();
    }
  }

  private IngestJob() {}

  public static Result run(SparkSession spark, Options o) {
    String output = DataPaths.normalise(o.output());
    String runId = RunLog.newRunId();
    RunRecord run = RunLog.start(runId, COMMAND, o.commandLine(), o.confHash());
    return RunLog.logged(spark, output, run, () -> ingest(spark, o, output, runId, run));
  }

  private static Result ingest(SparkSession spark, Options o, String output, String runId, RunRecord run) {
    // 1) Read every input as records.
    spark.sparkContext().setJobGroup("ingest-read", "ingest: read and parse " + o.inputs(), false);
    Dataset<ParsedRecord> parsed = null;
    for (InputSpec input : o.inputs()) {
      Dataset<ParsedRecord> one = IngestStages.read(spark, new InputSpec(input.format(),
          DataPaths.normalise(input.path())), o.settings());
      parsed = parsed == null ? one : parsed.unionByName(one);
    }
    // 2) Validate. Files are read in one task per few dozen files (Spark packs small files by an open cost), so a
    // corpus of small files becomes hundreds of partitions of very different sizes; every later pass would pay
    // hundreds of tasks. The records are spread evenly over a few partitions per core once, before they are kept.
    int partitions = Math.max(1, spark.sparkContext().defaultParallelism()) * PARTITIONS_PER_CORE;
    Dataset<ParsedRecord> checked = IngestStages.validate(parsed, o.settings().minBodyChars())
        .repartition(partitions)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Records per format and, in the same pass, those inside the --from/--to window.
    Map<String, Long> readByFormat = new TreeMap<>();
    long recordsRead = 0;
    long inWindow = 0;
    for (Row r : checked.groupBy("format")
        .agg(count(lit(1)), count_if(IngestStages.inWindowCondition(o.from(), o.to())))
        .collectAsList()) {
      readByFormat.put(r.getString(0), r.getLong(1));
      recordsRead += r.getLong(1);
      inWindow += r.getLong(2);
    }

    // 3) The window, widened to whole months (the partitions it rewrites): dated records outside it are left for
    // another run; undated rejects are reported by every run.
    Dataset<ParsedRecord> windowed = IngestStages.inWindow(checked, o.from(), o.to());
    long outsideWindow = recordsRead - inWindow;

    // 4) Repeated ids.
    spark.sparkContext().setJobGroup("ingest-dedup", "ingest: repeated ids and reprints", false);
    Dataset<ParsedRecord> valid = windowed.filter(col("kind").equalTo(ParsedRecord.ARTICLE));
    Dataset<ParsedRecord> idChecked = IngestStages.rejectDuplicateIds(valid).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<ParsedRecord> rejectedRecords = windowed.filter(col("kind").equalTo(ParsedRecord.REJECT))
        .unionByName(idChecked.filter(col("kind").equalTo(ParsedRecord.REJECT)));

    // 5) Reprints.
    Dataset<Article> articles = IngestStages.toArticles(
        idChecked.filter(col("kind").equalTo(ParsedRecord.ARTICLE)), runId);
    articles = Dedup.markDuplicates(articles, o.settings().dedup());

    // 6) Write; reprints and rejects per reason are counted while writing, nothing is read back.
    spark.sparkContext().setJobGroup("ingest-write", "ingest: write articles and rejects", false);
    TableIO.Mode mode = o.windowed() ? TableIO.Mode.REPLACE_PARTITIONS : TableIO.Mode.REPLACE;
    Map<String, Long> articleCounts = TableIO.write(articles, output, Article.SPEC, mode, runId,
        Map.of(REPRINTS, count_if(col("dup_of").isNotNull())));
    long written = articleCounts.get(TableIO.ROWS);
    long duplicates = articleCounts.get(REPRINTS);
    String window = o.window();
    Dataset<RejectRow> rejects = rejectedRecords.map(
        (org.apache.spark.api.java.function.MapFunction<ParsedRecord, RejectRow>) r -> RejectRow.of(r, runId, window),
        RejectRow.ENCODER).coalesce(1);
    Map<String, Column> perReason = new LinkedHashMap<>();
    for (String reason : RejectReason.ALL) {
      perReason.put(reason, count_if(col("reason").equalTo(reason)));
    }
    // Rejects are partitioned by window: a re-run of the same window replaces its own rejects only.
    Map<String, Long> rejectCounts = TableIO.write(rejects, output, RejectRow.SPEC, TableIO.Mode.REPLACE_PARTITIONS,
        runId, perReason);
    long rejected = rejectCounts.get(TableIO.ROWS);
    Map<String, Long> byReason = new TreeMap<>();
    long known = 0;
    for (String reason : RejectReason.ALL) {
      long n = rejectCounts.get(reason);
      known += n;
      if (n > 0) {
        byReason.put(reason, n);
      }
    }
    if (known != rejected) {
      throw new IllegalStateException("rejects with a reason RejectReason.ALL does not list: " + (rejected - known));
    }
    idChecked.unpersist();
    checked.unpersist();

    // 7) Reconcile: nothing read may be lost.
    run.setRecordsRead(recordsRead);
    run.setArticlesWritten(written);
    run.setRejected(rejected);
    run.setDuplicates(duplicates);
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(Tables.ARTICLES, written);
    rows.put(Tables.REJECTS, rejected);
    run.setRowsWritten(rows);
    if (recordsRead != written + rejected + outsideWindow) {
      throw new IllegalStateException(String.format(
          "ingest lost records: read %d but wrote %d articles + %d rejects (+ %d outside the window)",
          recordsRead, written, rejected, outsideWindow));
    }
    return new Result(runId, output, recordsRead, written, rejected, duplicates, outsideWindow, readByFormat,
        byReason);
  }
}
