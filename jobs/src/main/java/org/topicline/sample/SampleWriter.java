package org.topicline.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.topicline.ingest.IngestSettings;
import org.topicline.ingest.RejectReason;
import org.topicline.io.DataPaths;
import org.topicline.io.JobResult;

/**
 * Writes the sample corpus as generic JSON Lines, one file per month, plus its truth:
 * <pre>
 * OUTPUT/articles/YYYY-MM.jsonl   articles (field names from topicline.ingest.generic); one month in GB18030
 * OUTPUT/truth/labels.jsonl       per article: id, date, source, topics, subject, reprint_of
 * OUTPUT/truth/rejects.jsonl      the deliberately malformed records: file, index, reason
 * OUTPUT/truth/manifest.json      the options, files with their encoding and record counts, totals
 * </pre>
 * Steps: 1) clear the previous sample's two folders 2) generate articles month by month 3) insert the malformed
 * records 4) write each month, 5) write the truth. Everything goes through the Hadoop file system so the sample can be
 * written where the jobs will read it (local, HDFS, S3).
 */
public final class SampleWriter {
  public static final String ARTICLES_DIR = "articles";
  public static final String TRUTH_DIR = "truth";
  public static final String LABELS_FILE = "labels.jsonl";
  public static final String REJECTS_FILE = "rejects.jsonl";
  public static final String MANIFEST_FILE = "manifest.json";
  /** The month (counted from the first) written in GB18030 rather than UTF-8. */
  static final int GB18030_MONTH = 1;
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleWriter() {}

  /** What was written. */
  public record Result(String output, SampleOptions options, int files, long articles, long reprints,
      int malformed, long bytes, Map<String, Long> topicArticles, long millis) implements JobResult {
    @Override
    public String summary() {
      return String.format("generate-sample: wrote %,d articles (%,d reprints) and %d malformed records in %d monthly"
              + " files (%,d bytes, one in GB18030) to %s/%s in %.1f s%n  per topic: %s%n  truth: %s/%s/{%s,%s,%s}",
          articles, reprints, malformed, files, bytes, output, ARTICLES_DIR, millis / 1000.0, topicArticles, output,
          TRUTH_DIR, LABELS_FILE, REJECTS_FILE, MANIFEST_FILE);
    }
  }

  /** A deliberately malformed record: which month file, and why ingest must reject it. */
  private record Malformed(int month, String reason, String fault) {}

  private static final String TRUNCATED = "line cut off half way";
  private static final String NO_BODY_FIELD = "no body field";
  private static final String BLANK_BODY = "body is only white space";
  private static final String WORDS_FOR_DATE = "date in words";
  private static final String NO_DATE_FIELD = "no date field";
  private static final List<Malformed> MALFORMED = List.of(
      new Malformed(0, RejectReason.NOT_JSON, TRUNCATED),
      new Malformed(3, RejectReason.EMPTY_BODY, NO_BODY_FIELD),
      new Malformed(5, RejectReason.BAD_DATE, WORDS_FOR_DATE),
      new Malformed(7, RejectReason.EMPTY_BODY, BLANK_BODY),
      new Malformed(10, RejectReason.NO_DATE, NO_DATE_FIELD));

  public static Result write(Configuration hadoop, String output, SampleOptions options,
      IngestSettings.Generic fields) {
    long started = System.currentTimeMillis();
    String root = DataPaths.normalise(output).replaceAll("/+$", "");
    FileSystem fs = DataPaths.fileSystem(hadoop, root);
    Path articlesDir = new Path(root, ARTICLES_DIR);
    Path truthDir = new Path(root, TRUTH_DIR);
    clearPreviousSample(fs, articlesDir, truthDir);

    List<Map<String, Object>> labels = new ArrayList<>();
    List<Map<String, Object>> rejects = new ArrayList<>();
    List<Map<String, Object>> files = new ArrayList<>();
    Map<String, Long> perTopic = new TreeMap<>();
    SampleCorpus.TOPICS.forEach(t -> perTopic.put(t, 0L));
    long articles = 0;
    long reprints = 0;
    long bytes = 0;
    int monthIndex = 0;
    Iterator<SampleArticle> it = SampleCorpus.iterator(options);
    SampleArticle carried = it.hasNext() ? it.next() : null;
    while (carried != null) {
      YearMonth month = YearMonth.from(carried.date());
      List<String> lines = new ArrayList<>();
      while (carried != null && YearMonth.from(carried.date()).equals(month)) {
        lines.add(json(record(carried, fields)));
        labels.add(label(carried));
        articles++;
        reprints += carried.reprintOf() == null ? 0 : 1;
        carried.topics().forEach(t -> perTopic.merge(t, 1L, Long::sum));
        carried = it.hasNext() ? it.next() : null;
      }
      String name = month + ".jsonl";
      for (Malformed m : MALFORMED) {
        if (m.month() == monthIndex) {
          int at = Math.min(7, lines.size());
          lines.add(at, malformed(m.fault(), lines.get(at > 0 ? at - 1 : 0), fields));
          Map<String, Object> rej = new LinkedHashMap<>();
          rej.put("file", name);
          rej.put("index", at);
          rej.put("reason", m.reason());
          rej.put("fault", m.fault());
          rejects.add(rej);
        }
      }
      Charset cs = monthIndex == GB18030_MONTH ? GB18030 : StandardCharsets.UTF_8;
      byte[] content = (String.join("\n", lines) + "\n").getBytes(cs);
      DataPaths.writeBytes(fs, new Path(articlesDir, name), content);
      bytes += content.length;
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("name", name);
      file.put("encoding", cs.name());
      file.put("records", lines.size());
      files.add(file);
      monthIndex++;
    }

    DataPaths.writeBytes(fs, new Path(truthDir, LABELS_FILE), jsonLines(labels));
    DataPaths.writeBytes(fs, new Path(truthDir, REJECTS_FILE), jsonLines(rejects));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("generator", "topicline generate-sample");
    manifest.put("years", options.years());
    manifest.put("start_year", options.startYear());
    manifest.put("per_day", options.perDay());
    manifest.put("seed", options.seed());
    manifest.put("articles", articles);
    manifest.put("reprints", reprints);
    manifest.put("malformed", rejects.size());
    manifest.put("topic_articles", perTopic);
    manifest.put("files", files);
    DataPaths.writeBytes(fs, new Path(truthDir, MANIFEST_FILE),
        (json(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
    return new Result(root, options, files.size(), articles, reprints, rejects.size(), bytes, perTopic,
        System.currentTimeMillis() - started);
  }

  /** The generic record ingest reads: the six mapped fields, plus kicker and byline for formats that keep them. */
  static Map<String, Object> record(SampleArticle a, IngestSettings.Generic fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(fields.id(), a.id());
    m.put(fields.date(), SampleSource.of(a.source()).dateText(a.date()));
    m.put(fields.source(), a.source());
    m.put(fields.title(), a.title());
    if (a.kicker() != null) {
      m.put("kicker", a.kicker());
    }
    if (a.byline() != null) {
      m.put("byline", a.byline());
    }
    m.put(fields.brief(), a.brief());
    m.put(fields.body(), a.body());
    return m;
  }

  private static Map<String, Object> label(SampleArticle a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("date", a.date().toString());
    m.put("source", a.source());
    m.put("topics", a.topics());
    m.put("subject", a.subject());
    m.put("reprint_of", a.reprintOf());
    return m;
  }

  /** A broken copy of a neighbouring record, as a faulty export would produce it. */
  private static String malformed(String fault, String neighbour, IngestSettings.Generic fields) {
    if (fault.equals(TRUNCATED)) {
      return neighbour.substring(0, neighbour.length() / 2);
    }
    Map<String, Object> m;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> parsed = JSON.readValue(neighbour, LinkedHashMap.class);
      m = parsed;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the generator wrote a record it cannot read back", e);
    }
    m.put(fields.id(), m.get(fields.id()) + "-bad");
    switch (fault) {
      case NO_BODY_FIELD -> m.remove(fields.body());
      case BLANK_BODY -> m.put(fields.body(), "\u3000\u3000\n  ");
      case WORDS_FOR_DATE -> m.put(fields.date(), "上周五");
      case NO_DATE_FIELD -> m.remove(fields.date());
      default -> throw new IllegalArgumentException("no malformed record for " + fault);
    }
    return json(m);
  }

  /**
   * Refuses to delete a folder that holds anything but JSON Lines (a Parquet {@code articles} table written by ingest
   * to the same folder, say), then removes the previous sample so no stale month survives a shorter run.
   */
  private static void clearPreviousSample(FileSystem fs, Path articlesDir, Path truthDir) {
    try {
      if (fs.exists(articlesDir)) {
        for (FileStatus st : fs.listStatus(articlesDir)) {
          String n = st.getPath().getName();
          if (st.isDirectory() || !(n.endsWith(".jsonl") || n.endsWith(".crc"))) {
            throw new IllegalArgumentException(articlesDir + " holds " + n + ", which is not a generated sample"
                + " file; choose another --output (ingest tables and the sample must not share a folder)");
          }
        }
        fs.delete(articlesDir, true);
      }
      if (fs.exists(truthDir)) {
        fs.delete(truthDir, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + articlesDir.getParent(), e);
    }
  }

  private static byte[] jsonLines(List<Map<String, Object>> rows) {
    StringBuilder b = new StringBuilder();
    for (Map<String, Object> r : rows) {
      b.append(json(r)).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a sample record", e);
    }
  }
}
