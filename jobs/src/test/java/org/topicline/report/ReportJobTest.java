package org.topicline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.cli.Topicline;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.RejectRow;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.TableIO;
import org.topicline.summary.ArticleSummary;
import org.topicline.text.TextAnalyzer;
import org.topicline.topics.GoldLabels;
import org.topicline.topics.ModelMetric;
import org.topicline.trends.TrendFixtures;
import org.topicline.trends.TrendsJob;
import org.topicline.trends.TrendsSettings;

class ReportJobTest extends SparkTestBase {
  static final String H2 = "hydrogen_energy";
  static final ReportSettings SETTINGS = new ReportSettings(10, 3, 15, 3, 12, "");
  static final Map<String, String> NAMES = names();
  static String output;

  /**
   * Six hydrogen articles over three months: two labelled originals, one reprint of the best (it must not be
   * listed or counted), one just below the threshold 0.62, one far below and one just above it that the rules held
   * back, all scored by model m1; the metrics of m1, of an older model and of a newer one that scored nothing; a
   * summary, a reject, two runs (one failed), and real topic_trends / topic_terms from the trends job (too few
   * articles for any rising term: an empty table). No topic_digests.
   */
  @BeforeAll
  static void writeTables() throws Exception {
    output = newDir("report").toString();
    new TrendFixtures()
        .scored("h1", "xwlb", "2020-01-05", null, H2, "氢能<b>&</b>产业", 0.97, true)
        .scored("h2", "xwlb", "2020-02-03", null, H2, "加氢站建成", 0.91, true)
        .scored("h3", "peoples-daily", "2020-02-10", null, H2, "燃料电池汽车", 0.60, false)
        .scored("h4", "xwlb", "2020-03-01", "h1", H2, "氢能产业转载", 0.95, true)
        .scored("n1", "xwlb", "2020-03-02", null, H2, "天气晴朗", 0.05, false)
        .scored("h5", "xwlb", "2020-02-20", null, H2, "氢气球升空", 0.64, false)
        .writeTables(spark, output);
    // February re-scored after topic_scores gained the rules' reading; January and March written before it.
    // h5, above the threshold, is unlabelled: the rules read a passing mention.
    TrendFixtures.rescoreWithRules(spark, output, 2020, 2, Map.of("h2", "ambiguous", "h3", "positive", "h5",
        "passing"));
    ModelMetric gov = metric("m1", 0.9, 0.7);
    gov.setTopic("digital_government");
    gov.setSupport(40);
    TableIO.write(spark.createDataset(List.of(metric("m0", 0.111, 0.5), metric("m1", 0.8, 0.62),
        metric("m2", 0.222, 0.7), gov),
        ModelMetric.ENCODER), output, ModelMetric.SPEC, TableIO.Mode.REPLACE, "fixture");
    ArticleSummary s = new ArticleSummary();
    s.setArticleId("h1");
    s.setSourceId("h1");
    s.setPubDate(LocalDate.of(2020, 1, 5));
    s.setSummary("氢能产业链加快布局的摘要");
    s.setMethod("fixture");
    s.setYear(2020);
    s.setMonth(1);
    TableIO.write(spark.createDataset(List.of(s), ArticleSummary.ENCODER), output, ArticleSummary.SPEC,
        TableIO.Mode.REPLACE, "fixture");
    RejectRow reject = new RejectRow();
    reject.setSource("xwlb");
    reject.setFormat("jsonl");
    reject.setLocation("in/day.jsonl#3");
    reject.setReason("not_json");
    reject.setDetail("Unexpected character");
    reject.setRunId("fixture");
    reject.setInputWindow(RejectRow.ALL);
    TableIO.write(spark.createDataset(List.of(reject), RejectRow.ENCODER), output, RejectRow.SPEC,
        TableIO.Mode.REPLACE, "fixture");
    RunLog.append(spark, output, run("ingest", RunLog.SUCCEEDED, null));
    RunLog.append(spark, output, run("score", RunLog.FAILED, "java.lang.IllegalStateException: boom"));
    TopiclineConf conf = TopiclineConf.defaults();
    TrendsJob.run(spark, new TrendsJob.Options(output, TrendsSettings.from(conf),
        new TextAnalyzer("viterbi", List.of("氢能", "加氢站", "燃料电池"), List.of()), null, null, "test",
        "trends"));
  }

  @Test
  void theReportShowsTopicsCorpusRunsAndTheArticlesToReview() throws Exception {
    ReportJob.Result r = ReportJob.run(spark, options(output, false));
    assertEquals(6, r.articles());
    assertEquals(List.of("topic_digests"), r.missing());
    assertEquals(3, r.topics(), "the conf's three topics, the two without scores listed as such");
    String html = Files.readString(Path.of(r.html().replace("file:", "")), StandardCharsets.UTF_8);
    assertTrue(r.html().endsWith("/report/review.html"), r.html());
    try (var files = Files.list(Path.of(r.html().replace("file:", "")).getParent())) {
      assertEquals(List.of("review-labels.csv", "review.html"),
          files.map(f -> f.getFileName().toString()).sorted().toList(), "the page and the sheet, no .crc files");
    }

    String h2 = section(html, "topic-" + H2);
    assertTrue(h2.contains("<h2>氢能 <small>hydrogen_energy</small></h2>"), "display name from conf");
    assertTrue(h2.contains("氢能&lt;b&gt;&amp;&lt;/b&gt;产业"), "titles are escaped");
    assertFalse(html.contains("<b>&</b>"), "no corpus markup reaches the page");
    assertTrue(h2.contains("2 of 5 scored articles labelled"), "originals only: " + h2);
    List<String> top = ids(table(h2, "Most confident"));
    assertEquals(List.of("h1", "h2"), top, "labelled originals, most confident first; the reprint h4 is left out");
    assertTrue(table(h2, "Most confident").contains("氢能产业链加快布局的摘要"), "h1's summary");
    assertEquals(List.of("h3", "h2", "h1"), ids(table(h2, "Nearest the threshold")),
        "nearest the newest model's threshold 0.62 first, three of them (report.review-articles); h5 at 0.64 is "
            + "left out, its label being the rules'");
    assertTrue(h2.contains("threshold 0.620"), "the scoring model m1's threshold, not m0's 0.5 nor m2's 0.7");
    assertEquals(List.of("positive", "ambiguous", ""), cells(table(h2, "Nearest the threshold"), 5),
        "the rules' reading from the month scored with it, blank for the months scored before it existed");

    String topics = section(html, "topics");
    assertTrue(topics.contains("<td class=\"n\">3</td><td class=\"n few\">0.800</td>"),
        "m1's precision over 3 held-out positives, greyed: " + topics);
    assertTrue(topics.contains("<td class=\"n\">40</td><td class=\"n\">0.900</td>"), "40 are enough to measure");
    assertFalse(topics.contains("0.111"), "m0 is an older model");
    assertFalse(topics.contains("0.222"), "m2 is newer but scored nothing");
    assertTrue(section(html, "topic-digital_government").contains("0 of 0 scored"));
    assertTrue(topics.contains("no metrics for this model"));

    Matcher points = Pattern.compile("<polyline class=\"share\" points=\"([^\"]*)\"").matcher(h2);
    assertTrue(points.find(), "a trend chart");
    assertEquals(3, points.group(1).split(" ").length, "one point per month, January to March 2020");

    String corpus = section(html, "corpus");
    assertTrue(corpus.contains("6 articles (1 of them reprints) and 1 rejected records."), corpus);
    assertTrue(corpus.contains("not_json") && corpus.contains("in/day.jsonl#3"), corpus);
    String runs = section(html, "runs");
    assertTrue(runs.contains("<tr class=\"failed\">") && runs.contains("boom"), runs);
    assertTrue(html.contains("<code>topic_digests</code>: written by summarize (after score)"));

    // The labelling sheet: the same articles nearest the threshold, label blank; filled in, train --gold reads it.
    List<String> sheet = Files.readAllLines(Path.of(r.labels().replace("file:", "")), StandardCharsets.UTF_8);
    assertEquals(ReviewLabels.HEADER, sheet.get(0));
    assertEquals(List.of("h3,hydrogen_energy,,0.6000,0,positive", "h2,hydrogen_energy,,0.9100,1,ambiguous",
        "h1,hydrogen_energy,,0.9700,1,"), sheet.subList(1, sheet.size()).stream()
            .map(l -> l.substring(0, l.indexOf(",\""))).toList());
    assertTrue(sheet.get(3).endsWith(",\"氢能<b>&</b>产业\""), sheet.get(3));
    Path filled = Files.writeString(newDir("filled").resolve("labels.csv"),
        String.join("\n", sheet).replace(",,", ",1,"), StandardCharsets.UTF_8);
    assertEquals(List.of(new GoldLabels.Label("h3", H2, 1), new GoldLabels.Label("h2", H2, 1),
        new GoldLabels.Label("h1", H2, 1)), GoldLabels.read(spark, filled.toString(), NAMES.keySet()));
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> GoldLabels.read(spark, r.labels(), NAMES.keySet()));
    assertTrue(blank.getMessage().contains("review-labels.csv:2"), "a sheet not filled in is refused: " + blank);

    List<Row> logged = RunLog.read(spark, output).filter("command = 'report'").collectAsList();
    assertEquals(RunLog.SUCCEEDED, logged.get(logged.size() - 1).getAs("status"));
    assertEquals(6L, (long) logged.get(logged.size() - 1).<Long>getAs("records_read"));
  }

  @Test
  void onlyTheArticlesTableIsNeeded() throws Exception {
    String bare = newDir("report-bare").toString();
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> ReportJob.run(spark, options(bare, false)));
    assertTrue(none.getMessage().contains("run ingest first"), none.getMessage());

    new TrendFixtures().scored("a", "xwlb", "2021-05-01", null, H2, "氢能", 0.9, true).writeTables(spark, bare);
    ReportJob.Result r = ReportJob.run(spark, options(bare, false));
    String html = Files.readString(Path.of(r.html().replace("file:", "")), StandardCharsets.UTF_8);
    assertTrue(r.missing().containsAll(List.of("model_metrics", "summaries", "topic_trends")), r.missing().toString());
    String h2 = section(html, "topic-" + H2);
    assertEquals(List.of("a"), ids(table(h2, "Most confident")));
    assertTrue(h2.contains("Nearest the threshold</h3><p class=\"note\">The scored") && h2.contains("None."),
        "no model_metrics, no threshold to be near");
  }

  @Test
  void headlessChromiumRendersTheReport() throws Exception {
    Optional<HeadlessChromium> browser = HeadlessChromium.find("");
    assumeTrue(browser.isPresent(), "no headless Chromium on PATH (scripts/install-deps installs chromium and "
        + "fonts-wqy-microhei): rendering not checked");
    String folder = newDir("rendered").toString();
    ReportJob.Result r = ReportJob.run(spark, new ReportJob.Options(output, folder, SETTINGS, NAMES, true, true,
        browser.get(), "test", "report --png --pdf"));
    Path html = Path.of(r.html().replace("file:", ""));

    // The browser's own parse of the page: every table row and the chart survive it, the text is intact.
    String source = Files.readString(html, StandardCharsets.UTF_8);
    String dom = browser.get().dom(source);
    assertEquals(count(source, "<tr"), count(dom, "<tr"), "rows the browser kept");
    assertTrue(dom.contains("<polyline class=\"share\""), "the chart is in the DOM");
    assertTrue(dom.contains("氢能&lt;b&gt;&amp;&lt;/b&gt;产业"), "the title is text, not markup");
    assertEquals(3, count(dom, "<h3>Most confident</h3>"), "one section per topic");

    BufferedImage png = ImageIO.read(Path.of(r.png().replace("file:", "")).toFile());
    assertEquals(ReportJob.PNG_WIDTH, png.getWidth());
    assertEquals(ReportJob.PNG_HEIGHT, png.getHeight());
    long inked = 0;
    for (int y = 0; y < png.getHeight(); y += 2) {
      for (int x = 0; x < png.getWidth(); x += 2) {
        inked += (png.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
      }
    }
    assertTrue(inked > 2000, "the first screen has text and tables on it: " + inked + " non-white samples");
    byte[] pdf = Files.readAllBytes(Path.of(r.pdf().replace("file:", "")));
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
  }

  @Test
  void badReportConfStopsTheCommandNamingTheKey() throws Exception {
    assertEquals("must be between 0 and 1000, was -1", confError("report.top-articles=-1")
        .replaceAll(".*topicline.report.top-articles: ", "").replaceAll(" \\(.*", "").strip());
    assertTrue(confError("report.browser=/no/such/chromium", "--png").contains("topicline.report.browser"));
  }

  private static String confError(String setting, String... more) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("report", "--output", "unused", "--set", setting));
    args.addAll(List.of(more));
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertEquals(2, Topicline.commandLine().execute(args.toArray(String[]::new)));
    } finally {
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static ReportJob.Options options(String out, boolean render) {
    return new ReportJob.Options(out, null, SETTINGS, NAMES, render, render, null, "test", "report");
  }

  private static Map<String, String> names() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("digital_government", "数字政府");
    m.put(H2, "氢能");
    m.put("party_study", "党建学习");
    return m;
  }

  private static ModelMetric metric(String version, double precision, double threshold) {
    ModelMetric m = new ModelMetric();
    m.setModelVersion(version);
    m.setTopic(H2);
    m.setPrecision(precision);
    m.setRecall(0.5);
    m.setF1(0.6);
    m.setThreshold(threshold);
    m.setSupport(3);
    m.setRunId("fixture");
    return m;
  }

  private static RunRecord run(String command, String status, String message) {
    RunRecord r = RunLog.start(RunLog.newRunId(), command, command + " --output x", "test");
    r.setStatus(status);
    r.setMessage(message);
    r.setFinishedAt(Timestamp.from(Instant.now()));
    return r;
  }

  /** The section element with this id, up to its end. */
  private static String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertTrue(start >= 0, "no section " + id);
    return html.substring(start, html.indexOf("</section>", start));
  }

  /** The first table after the heading {@code h3} (or the "None." note in its place). */
  private static String table(String section, String h3) {
    int start = section.indexOf("<h3>" + h3 + "</h3>");
    assertTrue(start >= 0, "no " + h3);
    int end = section.indexOf("<h3>", start + 4);
    return section.substring(start, end < 0 ? section.length() : end);
  }

  /** Column {@code column} (from 0) of each body row of an HTML table. */
  private static List<String> cells(String table, int column) {
    List<String> out = new ArrayList<>();
    for (String row : table.split("<tr")) {
      List<String> cells = new ArrayList<>();
      Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row);
      while (td.find()) {
        cells.add(td.group(1));
      }
      if (!cells.isEmpty()) {
        out.add(cells.get(column));
      }
    }
    return out;
  }

  /** The article ids of a table's rows, in order. */
  private static List<String> ids(String table) {
    List<String> ids = new ArrayList<>();
    Matcher id = Pattern.compile("<small>([^<]*)</small></td>").matcher(table);
    while (id.find()) {
      ids.add(id.group(1));
    }
    return ids;
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
