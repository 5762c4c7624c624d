package org.topicline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.topicline.Shared;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.pagetext.PageTextAdapter;

/** Each input adapter on real records (skipped without ../shared) and on the bad records it must refuse. */
class AdaptersTest {
  private static final IngestSettings SETTINGS = IngestSettings.from(TopiclineConf.defaults());

  private static String uri(Path p) {
    return "file://" + p.toAbsolutePath();
  }

  @Test
  void xwlbDayFileBecomesOneRecordPerItem() throws Exception {
    Path day = Shared.data("xwlb/2022/20220101.json.gz");
    List<ParsedRecord> records = new XwlbAdapter().parse(uri(day), Files.readAllBytes(day));
    assertEquals(17, records.size(), "the file's total is 17");
    ParsedRecord first = records.get(0);
    assertTrue(first.isArticle());
    assertEquals("VIDEWOl9TtNDSPPJRKQyExO7220101", first.getSourceId());
    assertEquals(LocalDate.of(2022, 1, 1), first.getPubDate());
    assertTrue(first.getTitle().startsWith("《求是》杂志发表习近平总书记重要讲话"), first.getTitle());
    assertFalse(first.getTitle().contains("[视频]"));
    assertTrue(first.getBody().startsWith("央视网消息（新闻联播）：2022年1月1日出版"), first.getBody());
    assertFalse(first.getBody().contains("<p>"));
    assertTrue(first.getBody().contains("\n"), "paragraphs are kept as lines");
    assertEquals("《求是》杂志发表习近平总书记重要讲话《以史为鉴、开创未来 埋头苦干、勇毅前行》。", first.getBrief());
    assertTrue(first.getLocation().endsWith("20220101.json.gz#0"));
    assertTrue(records.stream().allMatch(r -> r.getTitle() != null && !r.getTitle().startsWith("[")));
  }

  @Test
  void xwlbStrayEmptyFileIsRejectedAsNotJson() throws Exception {
    Path empty = Shared.data("xwlb/2022/empty");
    List<ParsedRecord> records = new XwlbAdapter().parse(uri(empty), Files.readAllBytes(empty));
    assertEquals(1, records.size());
    assertEquals(RejectReason.NOT_JSON, records.get(0).getReason());
  }

  @Test
  void xwlbJsonWithoutVideoListIsBadStructure() {
    List<ParsedRecord> records = new XwlbAdapter().parse("file:///x/20200101.json",
        "{\"total\":0}".getBytes(StandardCharsets.UTF_8));
    assertEquals(RejectReason.BAD_STRUCTURE, records.get(0).getReason());
  }

  @Test
  void xwlbItemWithoutDateTakesTheFileDate() {
    String json = "{\"videoList\":[{\"video_id\":\"V1\",\"video_title\":\"[视频]标题\","
        + "\"video_detail\":{\"content\":\"<p>正文&nbsp;第一段</p><p>第二段&amp;</p>\"}}]}";
    ParsedRecord r = new XwlbAdapter().parse("file:///x/2020/20200315.json", json.getBytes(StandardCharsets.UTF_8))
        .get(0);
    assertEquals(LocalDate.of(2020, 3, 15), r.getPubDate());
    assertEquals("标题", r.getTitle());
    assertEquals("正文 第一段\n第二段&", r.getBody());
  }

  @Test
  void peoplesDailyFileInNonAsciiFolder() throws Exception {
    Path dir = Shared.data("peoples-daily/2020年1月/20200114");
    Path file = dir.resolve("20200114-11-01.txt");
    // Spark lists such paths percent-encoded; the adapter must read name, date and page all the same.
    String encoded = "file://" + dir.toAbsolutePath().toString().replace("2020年1月",
        "2020%E5%B9%B41%E6%9C%88") + "/20200114-11-01.txt";
    for (String path : List.of(uri(file), encoded)) {
      ParsedRecord r = new PeoplesDailyAdapter().parse(path, Files.readAllBytes(file)).get(0);
      assertTrue(r.isArticle());
      assertEquals("20200114-11-01.txt", r.getSourceId());
      assertEquals(LocalDate.of(2020, 1, 14), r.getPubDate());
      assertEquals(11, r.getPage());
      assertTrue(r.getTitle() != null && !r.getTitle().isBlank());
      assertFalse(r.getBody().contains("\r"));
      assertFalse(r.getBody().contains("\u3000"), "full-width indentation is removed");
    }
  }

  @Test
  void peoplesDailyKickerTitleAndBody() {
    byte[] text = "　　引题：奋进新征程\r\n数字政府建设迈出新步伐\r\n　　本报北京1月5日电　正文第一段。\r\n　　第二段。\r\n"
        .getBytes(StandardCharsets.UTF_8);
    ParsedRecord r = new PeoplesDailyAdapter().parse("file:///pd/20200105-04-02.txt", text).get(0);
    assertEquals("引题：奋进新征程", r.getKicker());
    assertEquals("数字政府建设迈出新步伐", r.getTitle());
    assertEquals("本报北京1月5日电 正文第一段。\n第二段。", r.getBody());
    assertEquals(4, r.getPage());
  }

  @Test
  void peoplesDailyBadFileNameIsRejected() {
    ParsedRecord r = new PeoplesDailyAdapter().parse("file:///pd/notes.txt", "x\ny\nz".getBytes(
        StandardCharsets.UTF_8)).get(0);
    assertEquals(RejectReason.BAD_FILE_NAME, r.getReason());
  }

  @Test
  void jsonlMapsFieldsAndRejectsBadLines() {
    String lines = String.join("\n",
        "{\"id\":\"a1\",\"date\":\"2023-05-01\",\"title\":\"氢能产业园开工\",\"body\":\"正文。\",\"source\":\"示例日报\"}",
        "not json at all",
        "[1,2,3]",
        "{\"id\":\"a2\",\"date\":\"2023-05-02\",\"title\":\"只有标题\"}",
        "{\"id\":\"a3\",\"title\":\"没有日期\",\"body\":\"正文。\"}",
        "{\"id\":\"a4\",\"date\":\"去年五月\",\"body\":\"正文。\"}",
        "",
        "{\"id\":\"a5\",\"date\":\"2023年5月6日\",\"body\":\"中文日期。\",\"page\":\"3\"}");
    List<ParsedRecord> records = new JsonlAdapter(SETTINGS).parse("file:///s/a.jsonl",
        lines.getBytes(StandardCharsets.UTF_8));
    assertEquals(7, records.size(), "blank lines are not records");
    assertEquals("示例日报", records.get(0).getSource());
    assertEquals("a1", records.get(0).getSourceId());
    assertEquals(RejectReason.NOT_JSON, records.get(1).getReason());
    assertEquals(RejectReason.BAD_STRUCTURE, records.get(2).getReason());
    assertTrue(records.get(3).isArticle(), "an empty body is judged later, by validate");
    assertEquals(RejectReason.NO_DATE, records.get(4).getReason());
    assertEquals(RejectReason.BAD_DATE, records.get(5).getReason());
    assertEquals(LocalDate.of(2023, 5, 6), records.get(6).getPubDate());
    assertEquals(3, records.get(6).getPage());
    assertEquals("generic", records.get(6).getSource(), "no source field: the conf default");
    assertEquals("file:///s/a.jsonl#6", records.get(6).getLocation());
  }

  @Test
  void dateTimesWithAnOffsetTakeTheirDayInTheConfiguredZone() {
    String lines = String.join("\n",
        "{\"id\":\"z\",\"date\":\"2024-01-01T20:30:00Z\",\"body\":\"正文。\"}",
        "{\"id\":\"ny\",\"date\":\"2024-01-01T20:30:00-05:00\",\"body\":\"正文。\"}",
        "{\"id\":\"compact\",\"date\":\"2024-01-02T01:30:00+0800\",\"body\":\"正文。\"}",
        "{\"id\":\"local\",\"date\":\"2024-01-01T20:30:00\",\"body\":\"正文。\"}");
    byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
    IngestSettings utc = IngestSettings.from(TopiclineConf.load(null, Map.of("ingest.timezone", "UTC")));
    assertEquals(List.of("2024-01-02", "2024-01-02", "2024-01-02", "2024-01-01"),
        dates(new JsonlAdapter(SETTINGS).parse("file:///s/t.jsonl", bytes)), "Asia/Shanghai, the default");
    assertEquals(List.of("2024-01-01", "2024-01-02", "2024-01-01", "2024-01-01"),
        dates(new JsonlAdapter(utc).parse("file:///s/t.jsonl", bytes)), "UTC; a local time keeps its date");
  }

  private static List<String> dates(List<ParsedRecord> records) {
    return records.stream().map(r -> String.valueOf(r.getPubDate())).toList();
  }

  @Test
  void jsonlInGb18030IsReadCorrectly() {
    String line = "{\"id\":\"g1\",\"date\":\"2021-07-01\",\"title\":\"庆祝中国共产党成立100周年\","
        + "\"body\":\"党史学习教育深入开展。\"}";
    List<ParsedRecord> records = new JsonlAdapter(SETTINGS).parse("file:///s/gb.jsonl",
        line.getBytes(Charset.forName("GB18030")));
    assertEquals("庆祝中国共产党成立100周年", records.get(0).getTitle());
    assertEquals("党史学习教育深入开展。", records.get(0).getBody());
  }

  @Test
  void csvWithQuotedMultilineBodiesAndABadRow() {
    String csv = "id,date,title,body,source\n"
        + "c1,2024-01-02,加氢站建成,\"第一段，含逗号。\n第二段。\",示例电视台\n"
        + "c2,2024-01-03,少一列\n"
        + "c3,2024/1/4,日期斜杠,正文。,示例日报\n";
    List<ParsedRecord> records = new CsvAdapter(SETTINGS).parse("file:///s/a.csv",
        csv.getBytes(Charset.forName("GB18030")));
    assertEquals(3, records.size());
    assertEquals("第一段，含逗号。\n第二段。", records.get(0).getBody());
    assertEquals(RejectReason.BAD_CSV_ROW, records.get(1).getReason());
    assertEquals(LocalDate.of(2024, 1, 4), records.get(2).getPubDate());
  }

  @Test
  void csvWithoutHeaderReadsColumnsByPositionUnderTheConfiguredNames() {
    IngestSettings renamed = IngestSettings.from(TopiclineConf.load(null, Map.of(
        "ingest.generic.date", "published", "ingest.csv.header", "false")));
    String csv = "c1,2024-01-02,标题,正文。,示例日报\n"
        + "c2,2024-01-03,少一列\n";
    List<ParsedRecord> records = new CsvAdapter(renamed).parse("file:///s/b.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(2, records.size(), "the first row is a record, not a header");
    ParsedRecord r = records.get(0);
    assertTrue(r.isArticle(), String.valueOf(r.getDetail()));
    assertEquals(LocalDate.of(2024, 1, 2), r.getPubDate());
    assertEquals("c1", r.getSourceId());
    assertEquals("正文。", r.getBody());
    assertEquals("示例日报", r.getSource());
    assertEquals(RejectReason.BAD_CSV_ROW, records.get(1).getReason());
    assertEquals("3 fields, expected 5", records.get(1).getDetail());
  }

  @Test
  void binaryFileIsRejectedByEveryTextFormatAndCreditedToTheFormatsSource() {
    byte[] binary = {0x50, 0x4b, 3, 4, 0, 0, 0, 0, 8, 0};
    Map<FileAdapter, String> sources = new LinkedHashMap<>();
    sources.put(new XwlbAdapter(), "xwlb");
    sources.put(new PeoplesDailyAdapter(), "peoples-daily");
    sources.put(new PageTextAdapter(SETTINGS.pageText()), SETTINGS.pageText().source());
    // A generic file's records name their own source, so a whole-file reject has none.
    sources.put(new JsonlAdapter(SETTINGS), null);
    sources.put(new CsvAdapter(SETTINGS), null);
    sources.forEach((a, source) -> {
      List<ParsedRecord> r = a.parse("file:///s/20200101-01-01.txt", binary);
      assertEquals(List.of(RejectReason.BINARY_FILE),
          r.stream().map(ParsedRecord::getReason).collect(Collectors.toList()), a.format());
      assertEquals(source, r.get(0).getSource(), a.format());
      assertEquals(a.format(), r.get(0).getFormat());
      assertEquals("file:///s/20200101-01-01.txt#0", r.get(0).getLocation(), a.format());
    });
  }

  @Test
  void numericEntitiesThatNameNoCharacterStayAsText() {
    assertEquals("氢能 &#99999999999; &#x110000; &#xD800; &#55296; 完",
        TextCleaning.unescapeEntities("&#27682;&#x80FD; &#99999999999; &#x110000; &#xD800; &#55296; &#x5B8C;"));
    String json = "{\"videoList\":[{\"video_id\":\"V1\",\"video_title\":\"标题\","
        + "\"video_detail\":{\"content\":\"<p>正文&#99999999999;</p>\"}},"
        + "{\"video_id\":\"V2\",\"video_title\":\"标题二\",\"video_detail\":{\"content\":\"<p>第二条</p>\"}}]}";
    List<ParsedRecord> records = new XwlbAdapter().parse("file:///x/20200315.json",
        json.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("正文&#99999999999;", "第二条"), records.stream().map(ParsedRecord::getBody).toList(),
        "the file's other items are read too");
  }

  @Test
  void titlePrefixesAndSpacesAreCleaned() {
    assertEquals("习近平会见外宾", TextCleaning.title("[视频]习近平会见外宾"));
    assertEquals("标题", TextCleaning.title("【视频】 标题 "));
    assertNull(TextCleaning.title("  "));
  }
}
