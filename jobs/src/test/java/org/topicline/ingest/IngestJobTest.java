package org.topicline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.topicline.Shared;
import org.topicline.SparkTestBase;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;

/** Ingest end to end on small real slices and on hand-made inputs with every kind of bad record. */
class IngestJobTest extends SparkTestBase {
  private static final IngestSettings SETTINGS = IngestSettings.from(TopiclineConf.defaults());

  private static IngestJob.Options options(String output, LocalDate from, LocalDate to, String... inputs) {
    return new IngestJob.Options(java.util.Arrays.stream(inputs).map(InputSpec::parse).toList(), output, SETTINGS,
        from, to, "test", "ingest test");
  }

  private static Map<String, Long> rejectReasons(String output) {
    return TableIO.read(spark, output, Tables.REJECTS).groupBy("reason").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
  }

  @Test
  void realSliceReconcilesKeepsSourceIdsAndRerunsReplace() throws Exception {
    // A few real day files, the stray 'empty' file, and a People's Daily day in a non-ASCII folder.
    Path xwlb = newDir("xwlb");
    for (String f : List.of("20220101.json.gz", "20220102.json.gz", "empty")) {
      Files.copy(Shared.data("xwlb/2022/" + f), xwlb.resolve(f));
    }
    Path pd = Shared.data("peoples-daily/2020年1月/20200114");
    String out = newDir("out").toString();

    IngestJob.Result first = IngestJob.run(spark, options(out, null, null, "xwlb:" + xwlb, "peoples-daily:" + pd));
    assertEquals(first.recordsRead(), first.articlesWritten() + first.rejected());
    assertEquals(Long.valueOf(1), first.rejectsByReason().get(RejectReason.NOT_JSON), "the stray 'empty' file");
    long pdFiles;
    try (var s = Files.list(pd)) {
      pdFiles = s.count();
    }
    assertEquals(pdFiles, first.readByFormat().get("peoples-daily"));

    Dataset<Row> articles = TableIO.read(spark, out, Tables.ARTICLES);
    assertEquals(first.articlesWritten(), articles.count());
    assertEquals(articles.count(), articles.select("article_id").distinct().count(), "article_id is unique");
    assertEquals(1, articles.filter(col("source_id").equalTo("VIDEWOl9TtNDSPPJRKQyExO7220101")).count());
    assertEquals(1, articles.filter(col("source_id").equalTo("20200114-11-01.txt")).count());
    Row pdRow = articles.filter(col("source_id").equalTo("20200114-11-01.txt")).first();
    assertEquals(java.sql.Date.valueOf("2020-01-14"), pdRow.getAs("pub_date"));
    assertEquals(2020, (int) pdRow.getAs("year"));

    Dataset<Row> runs = TableIO.read(spark, out, Tables.RUNS);
    Row run = runs.first();
    assertEquals("succeeded", run.getAs("status"));
    assertEquals(first.recordsRead(), (long) run.getAs("records_read"));
    assertEquals((long) run.getAs("records_read"),
        (long) run.getAs("articles_written") + (long) run.<Long>getAs("rejected"));

    Set<String> ids = articles.select("article_id").collectAsList().stream().map(r -> r.getString(0))
        .collect(Collectors.toSet());
    IngestJob.Result second = IngestJob.run(spark, options(out, null, null, "xwlb:" + xwlb, "peoples-daily:" + pd));
    assertNotEquals(first.runId(), second.runId());
    Dataset<Row> again = TableIO.read(spark, out, Tables.ARTICLES);
    assertEquals(first.articlesWritten(), again.count(), "a re-run replaces, it does not append");
    assertEquals(ids, again.select("article_id").collectAsList().stream().map(r -> r.getString(0))
        .collect(Collectors.toSet()), "the same input gives the same ids");
    assertEquals(first.rejected(), TableIO.read(spark, out, Tables.REJECTS).count());
    assertEquals(2, TableIO.read(spark, out, Tables.RUNS).count(), "one runs row per run");
  }

  @Test
  void everyBadRecordEndsInRejectsWithItsReason() throws Exception {
    Path in = newDir("generic");
    Files.writeString(in.resolve("a.jsonl"), String.join("\n",
        "{\"id\":\"1\",\"date\":\"2023-01-05\",\"title\":\"数字政府\",\"body\":\"一网通办覆盖全省。\"}",
        "{\"id\":\"1\",\"date\":\"2023-01-05\",\"title\":\"同一id\",\"body\":\"重复的记录。\"}",
        "{broken",
        "\"just a string\"",
        "{\"id\":\"3\",\"date\":\"2023-01-06\",\"title\":\"只有标题\"}",
        "{\"id\":\"4\",\"title\":\"无日期\",\"body\":\"正文。\"}",
        "{\"id\":\"5\",\"date\":\"2023-13-45\",\"body\":\"坏日期。\"}"), StandardCharsets.UTF_8);
    Files.write(in.resolve("gb.jsonl"), ("{\"id\":\"6\",\"date\":\"2023-02-01\",\"title\":\"氢能\","
        + "\"body\":\"加氢站投入运营。\"}").getBytes(Charset.forName("GB18030")));
    Files.write(in.resolve("image.jsonl"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    Files.write(in.resolve("latin.jsonl"), new byte[] {(byte) 0xFF, (byte) 0xFE - 1, (byte) 0xFF, 'x'});
    Files.write(in.resolve("broken.jsonl.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 9, 9, 9});
    Path csv = newDir("csv");
    Files.writeString(csv.resolve("a.csv"), "id,date,title,body,source\nc1,2023-03-01,标题,正文。,示例\nc2,bad\n");
    Path pd = newDir("pd");
    Files.writeString(pd.resolve("readme.txt"), "\n标题\n正文");
    Files.writeString(pd.resolve("20230301-02-01.txt"), "\r\n标题\r\n　　正文。\r\n");
    Path xw = newDir("xw");
    Files.writeString(xw.resolve("20230301.json"), "{\"total\":1}");

    String out = newDir("out").toString();
    IngestJob.Result r = IngestJob.run(spark, options(out, null, null, "jsonl:" + in, "csv:" + csv,
        "peoples-daily:" + pd, "xwlb:" + xw));
    Map<String, Long> reasons = rejectReasons(out);
    assertEquals(Map.ofEntries(
        Map.entry(RejectReason.DUPLICATE_ID, 1L),
        Map.entry(RejectReason.NOT_JSON, 1L),
        Map.entry(RejectReason.BAD_STRUCTURE, 2L),
        Map.entry(RejectReason.EMPTY_BODY, 1L),
        Map.entry(RejectReason.NO_DATE, 1L),
        Map.entry(RejectReason.BAD_DATE, 1L),
        Map.entry(RejectReason.BINARY_FILE, 1L),
        Map.entry(RejectReason.BAD_ENCODING, 1L),
        Map.entry(RejectReason.CORRUPT_GZIP, 1L),
        Map.entry(RejectReason.BAD_CSV_ROW, 1L),
        Map.entry(RejectReason.BAD_FILE_NAME, 1L)), reasons);
    assertEquals(4, r.articlesWritten(), "jsonl 1 and 6, csv c1, the People's Daily file");
    assertEquals(r.recordsRead(), r.articlesWritten() + r.rejected());
    Row gb = TableIO.read(spark, out, Tables.ARTICLES).filter(col("source_id").equalTo("6")).first();
    assertEquals("加氢站投入运营。", gb.getAs("body"));
    Row dup = TableIO.read(spark, out, Tables.REJECTS).filter(col("reason").equalTo(RejectReason.DUPLICATE_ID))
        .first();
    assertTrue(((String) dup.getAs("detail")).contains("a.jsonl#0"), "names the record it repeats");
  }

  @Test
  void aRepeatedIdKeepsTheFirstRecordByIndexNotByText() {
    // Twelve records; #2 and #10 share an id. As text "a.jsonl#10" sorts before "a.jsonl#2".
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      lines.add(line(i == 10 ? "r2" : "r" + i, "2023-04-01", "第" + i + "条。"));
    }
    String path = "file:///s/a.jsonl";
    List<ParsedRecord> parsed = new JsonlAdapter(SETTINGS).parse(path,
        String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    Map<String, ParsedRecord> byLocation = IngestStages.rejectDuplicateIds(
            spark.createDataset(parsed, IngestStages.PARSED)).collectAsList().stream()
        .collect(Collectors.toMap(ParsedRecord::getLocation, r -> r));
    assertEquals(12, byLocation.size());
    assertTrue(byLocation.get(path + "#2").isArticle(), "the first by index is kept");
    ParsedRecord later = byLocation.get(path + "#10");
    assertEquals(RejectReason.DUPLICATE_ID, later.getReason());
    assertEquals("same source and source_id as " + path + "#2", later.getDetail());
    assertEquals(11, byLocation.values().stream().filter(ParsedRecord::isArticle).count());
  }

  @Test
  void parquetInputIsMappedLikeTheOtherGenericFormats() throws Exception {
    Path in = newDir("pq");
    spark.createDataFrame(List.of(
            new GenericRow("p1", "2022-06-01", "标题一", "正文一。"),
            new GenericRow("p2", "2022-06-02", "标题二", "")), GenericRow.class)
        .write().mode("overwrite").parquet(in.resolve("t").toString());
    String out = newDir("out").toString();
    IngestJob.Result r = IngestJob.run(spark, options(out, null, null, "parquet:" + in.resolve("t")));
    assertEquals(2, r.recordsRead());
    assertEquals(1, r.articlesWritten());
    assertEquals(Map.of(RejectReason.EMPTY_BODY, 1L), r.rejectsByReason());
  }

  @Test
  void parquetDateAndTimestampColumnsGiveTheDayInTheIngestTimezone() throws Exception {
    Path in = newDir("pq-typed");
    // Typed columns, as a warehouse export writes them: a DATE, an instant (TIMESTAMP: 23:30 UTC is the next morning
    // in Asia/Shanghai, ingest.timezone) and a wall-clock time without zone (TIMESTAMP_NTZ keeps its own date).
    spark.sql("SELECT 'd1' AS id, DATE '2022-06-01' AS date, '一' AS title, '正文一。' AS body "
        + "UNION ALL SELECT 't1', CAST(NULL AS DATE), '二', '正文二。'")
        .write().mode("overwrite").parquet(in.resolve("dates").toString());
    spark.sql("SELECT 'ts1' AS id, TIMESTAMP '2022-06-01 23:30:00' AS date, '三' AS title, '正文三。' AS body")
        .write().mode("overwrite").parquet(in.resolve("instants").toString());
    spark.sql("SELECT 'ntz1' AS id, TIMESTAMP_NTZ '2022-06-01 23:30:00' AS date, '四' AS title, '正文四。' AS body")
        .write().mode("overwrite").parquet(in.resolve("local").toString());
    String out = newDir("out").toString();
    IngestJob.Result r = IngestJob.run(spark, options(out, null, null, "parquet:" + in.resolve("dates"),
        "parquet:" + in.resolve("instants"), "parquet:" + in.resolve("local")));
    assertEquals(4, r.recordsRead());
    // t1 has no date at all.
    assertEquals(Map.of(RejectReason.NO_DATE, 1L), rejectReasons(out));
    Map<String, String> dates = TableIO.read(spark, out, Tables.ARTICLES).select("source_id", "pub_date")
        .collectAsList().stream().collect(Collectors.toMap(row -> row.getString(0), row -> row.get(1).toString()));
    assertEquals(Map.of("d1", "2022-06-01", "ts1", "2022-06-02", "ntz1", "2022-06-01"), dates);
  }

  @Test
  void aFileOverTheSizeLimitIsARejectNotAFailedRun() throws Exception {
    Path in = newDir("sizes");
    Files.writeString(in.resolve("small.jsonl"), line("s1", "2023-03-01", "短的正文。"));
    Files.writeString(in.resolve("big.jsonl"), String.join("\n",
        line("b1", "2023-03-01", "很长的正文。".repeat(40)), line("b2", "2023-03-02", "另一条。")));
    IngestSettings small = IngestSettings.from(TopiclineConf.load(null, Map.of("ingest.max-file-bytes", "200")));
    String out = newDir("out").toString();
    IngestJob.Result r = IngestJob.run(spark, new IngestJob.Options(List.of(InputSpec.parse("jsonl:" + in)), out,
        small, null, null, "test", "ingest test"));
    assertEquals(1, r.articlesWritten());
    assertEquals(Map.of(RejectReason.TOO_LARGE, 1L), rejectReasons(out), "the file is one reject, its lines unread");
    assertEquals(r.recordsRead(), r.articlesWritten() + r.rejected());
    Row reject = TableIO.read(spark, out, Tables.REJECTS).first();
    assertTrue(reject.<String>getAs("location").contains("big.jsonl"), reject.toString());
    assertTrue(reject.<String>getAs("detail").contains("ingest.max-file-bytes = 200"), reject.toString());
    ConfException e = assertThrows(ConfException.class,
        () -> IngestSettings.from(TopiclineConf.load(null, Map.of("ingest.max-file-bytes", "0"))));
    assertTrue(e.getMessage().contains("topicline.ingest.max-file-bytes"), e.getMessage());
  }

  @Test
  void reprintsPointAtTheEarliestCopy() throws Exception {
    String base = "国家能源局发布氢能产业发展中长期规划，明确氢能是未来国家能源体系的重要组成部分，"
        + "提出到二〇二五年燃料电池车辆保有量约五万辆，部署建设一批加氢站，可再生能源制氢量达到十万至二十万吨每年。";
    Path in = newDir("dups");
    Files.writeString(in.resolve("a.jsonl"), String.join("\n",
        line("orig", "2022-03-23", base),
        line("exact", "2022-03-25", base.replace("，", ", ")),
        line("near", "2022-03-24", base.replace("约五万辆", "大约五万辆")),
        line("other", "2022-03-24", "全国春耕备耕有序推进，各地加强农资供应保障，确保粮食播种面积稳定在十七亿亩以上。"
            + "农业农村部派出工作组分赴主产区指导生产，推广节水灌溉和测土配方施肥技术。")));
    String out = newDir("out").toString();
    IngestJob.Result r = IngestJob.run(spark, options(out, null, null, "jsonl:" + in));
    Map<String, String> dupOf = TableIO.read(spark, out, Tables.ARTICLES).collectAsList().stream()
        .collect(Collectors.toMap(row -> row.getAs("source_id"), row -> String.valueOf((Object) row.getAs("dup_of"))));
    String origId = IngestStages.articleId("generic", "orig");
    assertEquals("null", dupOf.get("orig"));
    assertEquals(origId, dupOf.get("exact"), "same letters and digits: exact copy");
    assertEquals(origId, dupOf.get("near"), "a lightly edited reprint");
    assertEquals("null", dupOf.get("other"));
    assertEquals(2, r.duplicates());
  }

  @Test
  void aWindowRewritesOnlyItsOwnMonths() throws Exception {
    Path in = newDir("win");
    Files.writeString(in.resolve("a.jsonl"), String.join("\n",
        line("jan", "2023-01-10", "一月的新闻正文。"),
        line("feb", "2023-02-10", "二月的新闻正文。"),
        line("mar", "2023-03-10", "三月的新闻正文。"),
        "{\"id\":\"nodate\",\"body\":\"没有日期。\"}"));
    String out = newDir("out").toString();
    IngestJob.run(spark, options(out, null, null, "jsonl:" + in));
    // The archive is corrected for February only; a windowed run must not touch January or March.
    Files.writeString(in.resolve("a.jsonl"), String.join("\n",
        line("feb", "2023-02-10", "二月的新闻正文（更正）。"),
        line("feb2", "2023-02-11", "二月的另一条新闻。")));
    IngestJob.Result r = IngestJob.run(spark, options(out, LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28),
        "jsonl:" + in));
    assertEquals(2, r.articlesWritten());
    Map<String, String> bodies = TableIO.read(spark, out, Tables.ARTICLES).collectAsList().stream()
        .collect(Collectors.toMap(row -> row.getAs("source_id"), row -> row.getAs("body")));
    assertEquals(Set.of("jan", "feb", "feb2", "mar"), bodies.keySet());
    assertEquals("二月的新闻正文（更正）。", bodies.get("feb"));
    IngestJob.run(spark, options(out, LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28), "jsonl:" + in));
    assertEquals(4, TableIO.read(spark, out, Tables.ARTICLES).count(), "the same window twice: no duplicates");
    // A one-day window (the nightly --since-last-run) rewrites its whole month: February's other day stays.
    IngestJob.Result day = IngestJob.run(spark, options(out, LocalDate.of(2023, 2, 11), LocalDate.of(2023, 2, 11),
        "jsonl:" + in));
    assertEquals(2, day.articlesWritten(), "feb and feb2: the whole of February");
    assertEquals(Set.of("jan", "feb", "feb2", "mar"), TableIO.read(spark, out, Tables.ARTICLES)
        .select("source_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream()
        .collect(Collectors.toSet()));
    assertEquals(Map.of(RejectReason.NO_DATE, 1L), rejectReasons(out),
        "the full run's undated reject is kept and the window runs add none");
  }

  private static String line(String id, String date, String body) {
    return "{\"id\":\"" + id + "\",\"date\":\"" + date + "\",\"title\":\"" + id + "\",\"body\":\"" + body + "\"}";
  }

  /** A generic Parquet record as another system would write it. */
  public static class GenericRow implements java.io.Serializable {
    private String id;
    private String date;
    private String title;
    private String body;

    public GenericRow() {}

    GenericRow(String id, String date, String title, String body) {
      this.id = id;
      this.date = date;
      this.title = title;
      this.body = body;
    }

    public String getId() { return id; }
    public void setId(String v) { id = v; }
    public String getDate() { return date; }
    public void setDate(String v) { date = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
  }
}
