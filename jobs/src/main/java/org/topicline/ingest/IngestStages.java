package org.topicline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/** The stages of ingest, each a function from Dataset to Dataset, tested directly. */
public final class IngestStages {
  public static final Encoder<ParsedRecord> PARSED = Encoders.bean(ParsedRecord.class);

  private IngestStages() {}

  /** Every record of one input: files are read as bytes (so encodings and junk are ours to judge) and parsed. */
  public static Dataset<ParsedRecord> read(SparkSession spark, InputSpec input, IngestSettings settings) {
    if (input.format().equals(InputFormats.PARQUET)) {
      return readParquet(spark, input.path(), settings);
    }
    FileAdapter adapter = InputFormats.adapter(input.format(), settings);
    Dataset<Row> files = spark.read().format("binaryFile")
        .option("recursiveFileLookup", "true")
        .load(input.path());
    // binaryFile applies a filter on length before it reads a file: a huge file is listed, never loaded.
    Column fits = col("length").leq(settings.maxFileBytes());
    Dataset<ParsedRecord> parsed = files.filter(fits).select("path", "content")
        .flatMap(new ParseFiles(adapter), PARSED);
    long max = settings.maxFileBytes();
    Dataset<ParsedRecord> tooLarge = files.filter(not(fits)).select("path", "length")
        .map((MapFunction<Row, ParsedRecord>) r -> adapter.fileReject(r.getString(0), RejectReason.TOO_LARGE,
            r.getLong(1) + " bytes, more than ingest.max-file-bytes = " + max, null), PARSED);
    return parsed.union(tooLarge);
  }

  /** Applies an adapter to each file; a file that makes the adapter fail becomes one reject, not a failed job. */
  static final class ParseFiles implements FlatMapFunction<Row, ParsedRecord> {
    private final FileAdapter adapter;

    ParseFiles(FileAdapter adapter) {
      this.adapter = adapter;
    }

    @Override
    public Iterator<ParsedRecord> call(Row file) {
      String path = file.getString(0);
      byte[] bytes = (byte[]) file.get(1);
      try {
        return adapter.parse(path, bytes).iterator();
      } catch (RuntimeException e) {
        return java.util.List.of(adapter.fileReject(path, RejectReason.UNREADABLE, e.toString(), null)).iterator();
      }
    }
  }

  static Dataset<ParsedRecord> readParquet(SparkSession spark, String path, IngestSettings settings) {
    Dataset<Row> rows = spark.read().option("recursiveFileLookup", "true").parquet(path)
        .withColumn("_file", org.apache.spark.sql.functions.input_file_name())
        .withColumn("_mono", org.apache.spark.sql.functions.monotonically_increasing_id());
    rows = rows.withColumn("_index",
        row_number().over(Window.partitionBy("_file").orderBy("_mono")).minus(lit(1)));
    GenericRecords records = new GenericRecords(settings);
    String[] names = rows.columns();
    return rows.map((MapFunction<Row, ParsedRecord>) r -> {
      Map<String, Object> m = new java.util.HashMap<>();
      for (int i = 0; i < names.length; i++) {
        m.put(names[i], r.isNullAt(i) ? null : r.get(i));
      }
      return records.toRecord(InputFormats.PARQUET, (String) m.get("_file"), ((Number) m.get("_index")).intValue(),
          GenericRecords.fromMap(m), r.toString());
    }, PARSED);
  }

  /** Candidates that lack what every article needs become rejects. */
  public static Dataset<ParsedRecord> validate(Dataset<ParsedRecord> parsed, int minBodyChars) {
    return parsed.map((MapFunction<ParsedRecord, ParsedRecord>) r -> {
      if (!r.isArticle()) {
        return r;
      }
      if (r.getBody() == null || r.getBody().isBlank()) {
        return r.toReject(RejectReason.EMPTY_BODY, r.getTitle() == null ? "no title and no body" : "title only");
      }
      if (r.getBody().length() < minBodyChars) {
        return r.toReject(RejectReason.EMPTY_BODY, "body has " + r.getBody().length() + " characters, fewer than "
            + minBodyChars);
      }
      if (r.getPubDate() == null) {
        return r.toReject(RejectReason.NO_DATE, "no date in the record nor in its path");
      }
      return r;
    }, PARSED);
  }

  /** A stable id: the same source and source id give the same article id in every run. */
  public static String articleId(String source, String sourceId) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest((source + '\u0000' + sourceId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String contentHash(String body) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest(TextCleaning.contentKey(body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The second and later records with the same source and source id become {@code duplicate_id} rejects (the first
   * by location, file then index in the file, is kept), so {@code article_id} is unique.
   */
  public static Dataset<ParsedRecord> rejectDuplicateIds(Dataset<ParsedRecord> valid) {
    // Repeated ids are rare: find them on narrow columns and broadcast the few, so records are not shuffled.
    Dataset<Row> repeated = valid.groupBy("source", "sourceId")
        .agg(org.apache.spark.sql.functions.count(lit(1)).as("n"),
            org.apache.spark.sql.functions.min(locationOrder()).getField("location").as("firstLocation"))
        .filter(col("n").gt(1))
        .select(col("source").as("repSource"), col("sourceId").as("repSourceId"), col("firstLocation"));
    Dataset<Row> joined = valid.toDF().join(org.apache.spark.sql.functions.broadcast(repeated),
        col("source").eqNullSafe(col("repSource")).and(col("sourceId").eqNullSafe(col("repSourceId"))), "left");
    return joined.select(org.apache.spark.sql.functions.struct(
            java.util.Arrays.stream(valid.columns()).map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
            .as("_1"), col("firstLocation").as("_2"))
        .as(Encoders.tuple(PARSED, Encoders.STRING()))
        .map((MapFunction<scala.Tuple2<ParsedRecord, String>, ParsedRecord>) t -> {
          ParsedRecord r = t._1();
          String first = t._2();
          if (first != null && !first.equals(r.getLocation())) {
            return r.toReject(RejectReason.DUPLICATE_ID, "same source and source_id as " + first);
          }
          return r;
        }, PARSED);
  }

  /**
   * {@code location} ({@code path#index}, see {@link FileAdapter#location}) as (path, numeric index, location), so
   * the smallest is the first record of the first file: as text, {@code f#10} sorts before {@code f#2}.
   */
  private static Column locationOrder() {
    Column location = col("location");
    return org.apache.spark.sql.functions.struct(
        regexp_extract(location, "^(.*)#[0-9]+$", 1).as("path"),
        // try_cast: a location of another shape sorts by its text instead of failing the run under ANSI mode.
        regexp_extract(location, "#([0-9]+)$", 1).try_cast("long").as("index"),
        location.as("location"));
  }

  /** Valid candidates as articles (without dupOf, which {@link Dedup} sets). */
  public static Dataset<Article> toArticles(Dataset<ParsedRecord> valid, String runId) {
    return valid.map((MapFunction<ParsedRecord, Article>) r -> {
      Article a = new Article();
      a.setArticleId(articleId(r.getSource(), r.getSourceId()));
      a.setSource(r.getSource());
      a.setSourceId(r.getSourceId());
      a.setPubDate(r.getPubDate());
      a.setTitle(r.getTitle());
      a.setBody(r.getBody());
      a.setBrief(r.getBrief());
      a.setPage(r.getPage());
      a.setKicker(r.getKicker());
      a.setSubtitle(r.getSubtitle());
      a.setByline(r.getByline());
      a.setContinued(r.getContinued());
      a.setSegmentationConfidence(r.getSegmentationConfidence());
      a.setCharCount(r.getBody().length());
      a.setContentHash(contentHash(r.getBody()));
      a.setLocation(r.getLocation());
      a.setRunId(runId);
      LocalDate d = r.getPubDate();
      a.setYear(d.getYear());
      a.setMonth(d.getMonthValue());
      return a;
    }, Article.ENCODER);
  }

  /**
   * Keeps the records whose date lies in the whole months of [from, to] (either may be null: open; see
   * {@link org.topicline.io.DateWindow#withinMonths}), and the undated ones (rejects that belong to no window,
   * reported by every windowed run).
   */
  public static Dataset<ParsedRecord> inWindow(Dataset<ParsedRecord> parsed, LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return parsed;
    }
    return parsed.filter(inWindowCondition(from, to));
  }

  /** The condition {@link #inWindow} keeps: no date, or a date in the months of [from, to]. */
  static org.apache.spark.sql.Column inWindowCondition(LocalDate from, LocalDate to) {
    return col("pubDate").isNull().or(org.topicline.io.DateWindow.withinMonths("pubDate", from, to));
  }
}
