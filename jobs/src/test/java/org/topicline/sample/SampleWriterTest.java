package org.topicline.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicline.cli.Topicline;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.IngestSettings;
import org.topicline.ingest.JsonlAdapter;
import org.topicline.ingest.ParsedRecord;
import org.topicline.ingest.RejectReason;
import org.topicline.ingest.TextDecoding;

class SampleWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SampleOptions SMALL = new SampleOptions(1, 2021, 3, 11L);
  private static IngestSettings ingest;

  @TempDir
  static Path dir;

  @BeforeAll
  static void settings() {
    ingest = IngestSettings.from(TopiclineConf.defaults());
  }

  private static SampleWriter.Result write(Path out, SampleOptions o) {
    return SampleWriter.write(new Configuration(), out.toString(), o, ingest.generic());
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.sorted().toList();
    }
  }

  @Test
  void twoRunsWriteByteIdenticalFiles() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    write(a, SMALL);
    write(b, SMALL);
    for (String sub : List.of(SampleWriter.ARTICLES_DIR, SampleWriter.TRUTH_DIR)) {
      List<Path> fa = files(a.resolve(sub));
      List<Path> fb = files(b.resolve(sub));
      assertEquals(fa.stream().map(Path::getFileName).toList(), fb.stream().map(Path::getFileName).toList());
      for (int i = 0; i < fa.size(); i++) {
        assertArrayEquals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i)), fa.get(i).toString());
      }
    }
    assertEquals(12, files(a.resolve(SampleWriter.ARTICLES_DIR)).size(), "one file a month, no .crc files");
  }

  @Test
  void aShorterRunReplacesTheWholePreviousSample() throws IOException {
    Path out = dir.resolve("shrink");
    write(out, new SampleOptions(2, 2021, 1, 1L));
    write(out, new SampleOptions(1, 2021, 1, 1L));
    assertEquals(12, files(out.resolve(SampleWriter.ARTICLES_DIR)).size());
  }

  @Test
  void refusesToReplaceAFolderThatIsNotASample() throws IOException {
    Path out = dir.resolve("table");
    Files.createDirectories(out.resolve("articles/year=2021"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> write(out, SMALL));
    assertTrue(e.getMessage().contains("year=2021"));
    assertTrue(Files.isDirectory(out.resolve("articles/year=2021")));
  }

  /**
   * Every line parses with the ingest jsonl adapter: the malformed records become the rejects the truth names (an
   * empty body is an article candidate the ingest job rejects after cleaning), all others are the labelled articles,
   * with their dates, whatever the outlet's date style and the file's encoding.
   */
  @Test
  void ingestReadsEveryRecordAsTheTruthSays() throws IOException, TextDecoding.DecodingException {
    Path out = dir.resolve("parse");
    SampleWriter.Result result = write(out, SMALL);
    Map<String, JsonNode> labels = new HashMap<>();
    for (String line : Files.readAllLines(out.resolve("truth/labels.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      labels.put(n.get("id").asText(), n);
    }
    Set<String> expectedRejects = new HashSet<>();
    for (String line : Files.readAllLines(out.resolve("truth/rejects.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      expectedRejects.add(n.get("file").asText() + "#" + n.get("index").asInt() + " " + n.get("reason").asText());
    }
    assertEquals(5, expectedRejects.size());

    JsonlAdapter adapter = new JsonlAdapter(ingest);
    Set<String> rejects = new HashSet<>();
    Set<String> seen = new HashSet<>();
    List<String> charsets = new ArrayList<>();
    for (Path f : files(out.resolve(SampleWriter.ARTICLES_DIR))) {
      byte[] bytes = Files.readAllBytes(f);
      charsets.add(TextDecoding.decode(bytes).charset());
      String name = f.getFileName().toString();
      for (ParsedRecord r : adapter.parse(f.toUri().toString(), bytes)) {
        String where = name + r.getLocation().substring(r.getLocation().lastIndexOf('#'));
        if (!r.isArticle()) {
          rejects.add(where + " " + r.getReason());
        } else if (r.getBody().isEmpty()) {
          rejects.add(where + " " + RejectReason.EMPTY_BODY);
        } else {
          JsonNode label = labels.get(r.getSourceId());
          assertTrue(label != null, "no label for " + r.getSourceId());
          assertEquals(label.get("date").asText(), r.getPubDate().toString(), r.getSourceId());
          assertEquals(label.get("source").asText(), r.getSource());
          assertFalse(r.getTitle().isBlank());
          assertTrue(r.getBrief() != null && !r.getBrief().isBlank());
          seen.add(r.getSourceId());
        }
      }
    }
    assertEquals(expectedRejects, rejects);
    assertEquals(labels.keySet(), seen);
    assertEquals(result.articles(), seen.size());
    assertEquals(Set.of(RejectReason.NOT_JSON, RejectReason.EMPTY_BODY, RejectReason.BAD_DATE, RejectReason.NO_DATE),
        Set.copyOf(rejects.stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList()));
    assertEquals("GB18030", charsets.get(SampleWriter.GB18030_MONTH));
    assertEquals(11, charsets.stream().filter("UTF-8"::equals).count());
  }

  @Test
  void labelsCarryTopicsAndReprints() throws IOException {
    Path out = dir.resolve("labels");
    write(out, new SampleOptions(1, 2021, 12, 3L));
    Map<String, Integer> perTopic = new HashMap<>();
    int reprints = 0;
    for (String line : Files.readAllLines(out.resolve("truth/labels.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      assertTrue(n.get("topics").isArray());
      n.get("topics").forEach(t -> perTopic.merge(t.asText(), 1, Integer::sum));
      reprints += n.get("reprint_of").isNull() ? 0 : 1;
    }
    assertEquals(Set.copyOf(SampleCorpus.TOPICS), perTopic.keySet());
    perTopic.values().forEach(n -> assertTrue(n > 100, perTopic.toString()));
    assertTrue(reprints > 10, reprints + " reprints");
    JsonNode manifest = JSON.readTree(out.resolve("truth/manifest.json").toFile());
    assertEquals(12, manifest.get("files").size());
    assertEquals(reprints, manifest.get("reprints").asInt());
  }

  @Test
  void commandWritesTheSampleAndRejectsBadFlags() throws IOException {
    // A space in the folder name is a plain character of the path, not percent-encoded.
    Path out = dir.resolve("cli output");
    assertEquals(0, Topicline.commandLine().execute("generate-sample", "--output", out.toString(), "--years", "1",
        "--per-day", "1", "--seed", "5"));
    assertTrue(Files.isRegularFile(out.resolve("articles/2021-12.jsonl")));
    assertTrue(Files.isRegularFile(out.resolve("truth/manifest.json")));
    assertEquals(List.of(out), files(dir).stream().filter(p -> p.getFileName().toString().startsWith("cli")).toList());
    assertEquals(2, Topicline.commandLine().execute("generate-sample", "--output", out.toString(), "--years", "0"));
    assertEquals(2, Topicline.commandLine().execute("generate-sample", "--output", out.toString(),
        "--set", "sample.per-day=0"));
  }
}
