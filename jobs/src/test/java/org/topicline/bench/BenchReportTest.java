package org.topicline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's arithmetic and layout on made-up measurements (no Spark, no timing). */
class BenchReportTest {
  private static final long ARTICLES = 1000;
  private static final long CHARS = 1_000_000;
  private static final long GB = 1L << 30;

  private static WorkerResult run(int cores, int scale, double ingest, double tokenise, WorkerResult.RawLoop raw) {
    return new WorkerResult("local[" + cores + "]", cores, scale, ARTICLES * scale, CHARS * scale, List.of(
        new StageTiming("ingest", ingest, ingest, ARTICLES, CHARS, cores),
        new StageTiming("tokenise", tokenise, tokenise * cores, ARTICLES * scale, CHARS * scale, cores),
        new StageTiming("write", 1, Double.NaN, ARTICLES * scale, CHARS * scale, cores)),
        GB, GB / 2, 2 * GB, 10, 0.5, 1.0, 1.5, 2.0, 3.0, 4_000_000, raw);
  }

  private static BenchReport report() throws Exception {
    Map<String, WorkerResult> runs = new LinkedHashMap<>();
    // Tokenise: 1 M chars in 2 s on one core = 500 k chars/s; raw HanLP 1 M chars in 1 s.
    runs.put("local1-x1", run(1, 1, 10, 2, new WorkerResult.RawLoop("viterbi", ARTICLES, CHARS, 5, 1.0, 1.25, 1.0, 1.2)));
    runs.put("local2-x1", run(2, 1, 6, 1, null));
    runs.put("local2-x2", run(2, 2, 6, 2.2, null));
    runs.put("local2-x4", run(2, 4, 6, 5, null));
    JsonNode peer = BenchWorker.JSON.readTree("{\"articles\":1000,\"chars\":1000000,\"load_s\":1,\"tokenise_s\":4,"
        + "\"tfidf_s\":1,\"train_predict_s\":1,\"total_s\":7,\"tokenise_chars_per_s\":250000,\"articles_per_s\":142.9}");
    return new BenchReport("20260101-000000", "test machine", "scripts/bench", List.of(), runs, peer, 7.5, Map.of());
  }

  @Test
  void ratiosComeFromTheSameRun() throws Exception {
    Map<String, Double> f = report().figures();
    assertEquals(500_000, f.get("tokenise_chars_per_s_per_core"), 1e-6);
    assertEquals(0.5, f.get("tokeniser_efficiency"), 1e-9);
    assertEquals(2.0, f.get("tokenise_vs_jieba"), 1e-9);
    assertEquals(0.5, f.get("tokenise_time_vs_peer"), 1e-9);
    // The pipeline's own steps only (here ingest): local[1] 10 s, local[2] 6 s: 10 / (2 × 6). The tokenise stage
    // is the tokeniser measured on its own, not a pipeline step.
    assertEquals(10.0 / 12.0, f.get("parallel_efficiency"), 1e-9);
    assertEquals(6.0, f.get("pipeline_seconds"), 1e-9);
    assertEquals(1.0, f.get("parallel_efficiency_tokenise"), 1e-9);
    // After ingest: 1 s, 2.2 s, 5 s.
    assertEquals(2.2, f.get("time_ratio_per_doubling_x1_x2"), 1e-9);
    assertEquals(5 / 2.2, f.get("time_ratio_per_doubling_x2_x4"), 1e-9);
  }

  @Test
  void targetsSayMetMissedOrNotMeasured() throws Exception {
    Map<String, BenchReport.Target> t = new LinkedHashMap<>();
    report().targets().forEach(x -> t.put(x.name(), x));
    assertFalse(t.get("tokeniser efficiency").met());
    assertFalse(t.get("tokeniser vs jieba").met());
    assertFalse(t.get("linear scaling").met());
    assertTrue(t.get("4× corpus in the default heap").met());
    // Train, score, summarize and trends were not run: the whole-pipeline targets are not claimed.
    assertNull(t.get("whole pipeline < 3 min").met());
    assertNull(t.get("pipeline vs peer").met());
  }

  @Test
  void tableAndJsonCarryEveryFigure() throws Exception {
    BenchReport r = report();
    String table = r.render();
    assertTrue(table.contains("tokenise"), table);
    assertTrue(table.contains("raw HanLP viterbi"), table);
    assertTrue(table.contains("MISS  tokeniser efficiency"), table);
    JsonNode json = BenchWorker.JSON.readTree(BenchWorker.JSON.writeValueAsString(r));
    assertEquals(0.5, json.path("figures").path("tokeniser_efficiency").asDouble(), 1e-9);
    assertEquals(4, json.path("runs").size());
    // A worker's result survives the trip through its JSON file.
    WorkerResult back = BenchWorker.JSON.readValue(BenchWorker.JSON.writeValueAsString(r.runs().get("local1-x1")),
        WorkerResult.class);
    assertEquals(r.runs().get("local1-x1"), back);
  }

  @Test
  void yearsBecomeASymlinkedCorpusBothStacksRead(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("xwlb/2013"));
    Files.createDirectories(data.resolve("xwlb/2014"));
    Files.createDirectories(data.resolve("peoples-daily/2019年2月"));
    Files.createDirectories(data.resolve("peoples-daily/2020年1月"));
    BenchOptions o = new BenchOptions(data, List.of("2013", "2019"), Stage.ALL, List.of(1, 2), List.of(1), false,
        null, false, "2g", dir.resolve("results"), null, Map.of(), "scripts/bench");
    Path root = Bench.corpusRoot(o, dir.resolve("work"));
    assertTrue(Files.isSymbolicLink(root.resolve("xwlb/2013")));
    assertFalse(Files.exists(root.resolve("xwlb/2014")));
    assertTrue(Files.isSymbolicLink(root.resolve("peoples-daily/2019年2月")));
    assertFalse(Files.exists(root.resolve("peoples-daily/2020年1月")));
    // Laid out again for the next run without complaint.
    assertEquals(root, Bench.corpusRoot(o, dir.resolve("work")));
  }

  @Test
  void badOptionsAreRefusedBeforeAnyWorkerStarts() {
    assertThrows(IllegalArgumentException.class, () -> Stage.parse("tokenize-all"));
    assertThrows(IllegalArgumentException.class, () -> new BenchOptions(Path.of("."), List.of("13"), Stage.ALL,
        List.of(1), List.of(1), false, null, false, "2g", Path.of("r"), null, Map.of(), ""));
    assertThrows(IllegalArgumentException.class, () -> new BenchOptions(Path.of("."), List.of(), Stage.ALL,
        List.of(0), List.of(1), false, null, false, "2g", Path.of("r"), null, Map.of(), ""));
    assertThrows(IllegalArgumentException.class, () -> new BenchOptions(Path.of("."), List.of(), Stage.ALL,
        List.of(1), List.of(1), false, null, false, "two gigs", Path.of("r"), null, Map.of(), ""));
  }
}
