package org.topicline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a worker's time went, from its JFR recording's execution samples: the hottest methods by self time (top
 * frame), and each sample given to the innermost code area it is in (so HanLP called from a Spark task counts as
 * HanLP, not as Spark), the rest as "other".
 */
final class JfrSummary {
  /** Code areas whose inclusive share tells where a pipeline spends its time. */
  static final Map<String, String> AREAS = areas();

  private static Map<String, String> areas() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("HanLP name recognition", "com.hankcs.hanlp.recognition.");
    m.put("HanLP char normalisation", "com.hankcs.hanlp.dictionary.other.CharTable");
    m.put("HanLP segmentation", "com.hankcs.hanlp.");
    m.put("Topicline text filters", "org.topicline.text.");
    m.put("Topicline ingest", "org.topicline.ingest.");
    m.put("Topicline other", "org.topicline.");
    m.put("zstd", "com.github.luben.zstd");
    m.put("Parquet", "org.apache.parquet.");
    m.put("gzip", "java.util.zip.");
    m.put("JSON parsing", "com.fasterxml.jackson.");
    m.put("class loading", "java.lang.ClassLoader");
    m.put("shuffle write/read", "org.apache.spark.shuffle.");
    m.put("Spark ML", "org.apache.spark.ml.");
    m.put("Spark SQL", "org.apache.spark.sql.");
    m.put("Spark core", "org.apache.spark.");
    return m;
  }

  record Hot(String method, long samples, double share) {}

  record Summary(long samples, List<Hot> topSelf, Map<String, Double> areaShare) {}

  private JfrSummary() {}

  static Summary of(Path recording, int top) throws IOException {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> area = new LinkedHashMap<>();
    AREAS.keySet().forEach(k -> area.put(k, 0L));
    area.put("other", 0L);
    long samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(st.getFrames().get(0)), 1L, Long::sum);
      area.merge(innermostArea(st), 1L, Long::sum);
    }
    long n = Math.max(samples, 1);
    List<Hot> hot = self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
        .map(e -> new Hot(e.getKey(), e.getValue(), e.getValue() / (double) n)).toList();
    Map<String, Double> shares = new LinkedHashMap<>();
    area.forEach((k, v) -> shares.put(k, v / (double) n));
    return new Summary(samples, hot, shares);
  }

  private static String innermostArea(RecordedStackTrace st) {
    for (RecordedFrame f : st.getFrames()) {
      String n = name(f);
      for (Map.Entry<String, String> a : AREAS.entrySet()) {
        if (n.startsWith(a.getValue())) {
          return a.getKey();
        }
      }
    }
    return "other";
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}
