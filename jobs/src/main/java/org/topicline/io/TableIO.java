package org.topicline.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes and reads the output tables: Parquet, Hive-style partitions, one file per partition per write (no swarm of
 * tiny files), timestamps as TIMESTAMP_MICROS (set on the session by {@code Sparks}), a {@code _schema.json} with
 * column comments and a {@code _manifest.json} naming the run that last wrote the table.
 */
public final class TableIO {
  /** How a write treats what the table already holds. */
  public enum Mode {
    /** The table is replaced as a whole (a re-run over the same input gives the same rows, not twice as many). */
    REPLACE,
    /** Only the partitions present in the new data are replaced (incremental runs and backfills). */
    REPLACE_PARTITIONS,
    /** Rows are added (the runs log). */
    APPEND
  }

  private TableIO() {}

  /**
   * Writes {@code rows} (camelCase beans or snake_case rows) as table {@code spec} under {@code output}; returns the
   * number of rows written.
   */
  public static long write(Dataset<?> rows, String output, TableSpec spec, Mode mode, String runId) {
    return write(rows, output, spec, mode, runId, Map.of()).get(ROWS);
  }

  /** The metric {@link #write(Dataset, String, TableSpec, Mode, String, Map)} always returns: rows written. */
  public static final String ROWS = "rows";
  /** Beside every table: its columns, types and descriptions as JSON (also what an empty table reads back as). */
  static final String SCHEMA_FILE = "_schema.json";

  /**
   * Writes like {@link #write(Dataset, String, TableSpec, Mode, String)} and also computes {@code metrics}
   * (name to a long-valued aggregate over the written snake_case columns, e.g. {@code count_if(...)}) in the same
   * pass, so a job can report what it wrote without reading it back. Returns rows written under {@link #ROWS} and
   * each metric under its name.
   */
  public static Map<String, Long> write(Dataset<?> rows, String output, TableSpec spec, Mode mode, String runId,
      Map<String, Column> metrics) {
    Dataset<Row> table = Naming.snakeColumns(rows);
    List<Column> ordered = new ArrayList<>();
    for (String c : spec.columnNames()) {
      ordered.add(col(c));
    }
    for (String p : spec.partitionBy()) {
      if (!spec.columns().containsKey(p)) {
        ordered.add(col(p));
      }
    }
    table = table.select(ordered.toArray(Column[]::new));
    if (!spec.partitionBy().isEmpty()) {
      // One task per partition value, so each partition gets one file per write.
      table = table.repartition(spec.partitionBy().stream().map(org.apache.spark.sql.functions::col)
          .toArray(Column[]::new));
    }
    // The row count is observed while writing: one pass over the data, nothing cached.
    Observation written = new Observation("rows_written_" + spec.name() + "_" + java.util.UUID.randomUUID());
    List<Column> aggregates = new ArrayList<>();
    metrics.forEach((name, agg) -> aggregates.add(agg.cast("long").as(name)));
    Dataset<Row> observed = table.observe(written, count(lit(1)).as(ROWS), aggregates.toArray(Column[]::new));
    String path = Tables.path(output, spec.name());
    String manifest = Tables.path(path, "_manifest.json");
    SparkSession spark = rows.sparkSession();
    DataPaths.delete(spark, manifest);
    var writer = observed.write()
        .option("partitionOverwriteMode", mode == Mode.REPLACE_PARTITIONS ? "dynamic" : "static")
        .option("compression", "zstd")
        .mode(mode == Mode.APPEND ? SaveMode.Append : SaveMode.Overwrite);
    if (!spec.partitionBy().isEmpty()) {
      writer = writer.partitionBy(spec.partitionBy().toArray(String[]::new));
    }
    writer.parquet(path);
    Map<String, Long> observedValues = new java.util.LinkedHashMap<>();
    try {
      written.getAsJava().forEach((k, v) -> observedValues.put(k, v == null ? 0L : ((Number) v).longValue()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the row count of " + path, e);
    }
    DataPaths.writeText(spark, Tables.path(path, SCHEMA_FILE), schemaJson(spec, table));
    DataPaths.writeText(spark, manifest, String.format(
        "{\"table\":\"%s\",\"run_id\":\"%s\",\"mode\":\"%s\",\"rows_written\":%d,\"written_at\":\"%s\"}%n",
        spec.name(), runId, mode, observedValues.get(ROWS), java.time.Instant.now()));
    return observedValues;
  }

  /**
   * Reads a table as rows with its snake_case columns. A partitioned table written with no rows has no Parquet file
   * for Spark to infer a schema from (a corpus too small for any rising term, say); it reads as an empty table with
   * the columns its {@code _schema.json} records. Partitions written by different releases may differ in columns (a
   * month re-scored after an upgrade holds one more than the months before it): the files' schemas are merged, so
   * every column reads, null where a file lacks it, whichever file Spark would otherwise take the schema from.
   */
  public static Dataset<Row> read(SparkSession spark, String output, String table) {
    String path = Tables.path(output, table);
    String schemaFile = Tables.path(path, SCHEMA_FILE);
    // Looked for before reading: Spark's failed schema inference would be logged as an error by its listeners.
    if (!hasDataFile(spark, path) && DataPaths.exists(spark, schemaFile)) {
      return spark.createDataFrame(List.of(), recordedSchema(DataPaths.readText(spark, schemaFile)));
    }
    return spark.read().option("mergeSchema", "true").parquet(path);
  }

  /** Whether the folder holds a Parquet file; the listing stops at the first one. */
  private static boolean hasDataFile(SparkSession spark, String path) {
    try {
      RemoteIterator<LocatedFileStatus> files = DataPaths.fileSystem(spark, path).listFiles(new Path(path), true);
      while (files.hasNext()) {
        if (files.next().getPath().getName().endsWith(".parquet")) {
          return true;
        }
      }
      return false;
    } catch (java.io.FileNotFoundException e) {
      return false;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + path, e);
    }
  }

  /** The columns a {@code _schema.json} records, as a Spark schema (its types are Spark's simple strings). */
  static StructType recordedSchema(String schemaJson) {
    try {
      List<String> ddl = new ArrayList<>();
      for (JsonNode c : new ObjectMapper().readTree(schemaJson).path("columns")) {
        ddl.add("`" + c.path("name").asText() + "` " + c.path("type").asText());
      }
      return StructType.fromDDL(String.join(", ", ddl));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("unreadable _schema.json", e);
    }
  }

  /** Reads a table as typed beans (columns renamed to the bean's camelCase properties). */
  public static <T> Dataset<T> read(SparkSession spark, String output, String table, Encoder<T> encoder) {
    Dataset<Row> rows = Naming.camelColumns(read(spark, output, table));
    List<String> wanted = List.of(encoder.schema().fieldNames());
    return rows.select(wanted.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).as(encoder);
  }

  public static boolean exists(SparkSession spark, String output, String table) {
    return DataPaths.exists(spark, Tables.path(Tables.path(output, table), "_SUCCESS"))
        || DataPaths.exists(spark, Tables.path(Tables.path(output, table), "_manifest.json"));
  }

  private static String schemaJson(TableSpec spec, Dataset<Row> table) {
    Map<String, StructField> fields = java.util.Arrays.stream(table.schema().fields())
        .collect(Collectors.toMap(StructField::name, f -> f));
    StringBuilder b = new StringBuilder("{\"table\":\"").append(spec.name()).append("\",\"partition_by\":[");
    b.append(spec.partitionBy().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",")));
    b.append("],\"columns\":[\n");
    List<String> cols = new ArrayList<>(spec.columnNames());
    for (String p : spec.partitionBy()) {
      if (!cols.contains(p)) {
        cols.add(p);
      }
    }
    for (int i = 0; i < cols.size(); i++) {
      String c = cols.get(i);
      StructField f = fields.get(c);
      String comment = spec.columns().getOrDefault(c, "partition column");
      b.append("  {\"name\":\"").append(c).append("\",\"type\":\"").append(f.dataType().simpleString())
          .append("\",\"nullable\":").append(f.nullable()).append(",\"comment\":\"")
          .append(comment.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}")
          .append(i + 1 < cols.size() ? ",\n" : "\n");
    }
    return b.append("]}\n").toString();
  }
}
