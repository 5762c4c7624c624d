package org.topicline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
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

  /**
   * One stage's samples: who ran (Spark tasks, the driver's own thread, Spark's scheduler threads), the hottest
   * methods by self time, and the hottest frames of our own code and Spark ML by inclusive time.
   */
  record StageProfile(long samples, Map<String, Double> threadShare, List<Hot> topSelf, List<Hot> topOwn) {}

  record Summary(long samples, List<Hot> topSelf, Map<String, Double> areaShare, Map<String, StageProfile> stages) {}

  /** Frames whose inclusive time names the code that is busy (ours, Spark ML), rather than a framework loop. */
  private static final List<String> OWN = List.of("org.topicline.", "org.apache.spark.ml.");
  /** The bench's own frames sit under every stage: they say nothing about the stage. */
  private static final String BENCH = "org.topicline.bench.";

  /** Methods listed per stage, by self and by inclusive time. */
  private static final int PER_STAGE_TOP = 6;

  private JfrSummary() {}

  static Summary of(Path recording, int top) throws IOException {
    return of(recording, top, List.of());
  }

  /** As {@link #of(Path, int)}, and per stage: the samples between each stage's start and end. */
  static Summary of(Path recording, int top, List<StageTiming> timings) throws IOException {
    List<StageTiming> spans = timings.stream().filter(t -> t.endMillis() > t.startMillis()).toList();
    List<Map<String, Long>> stageSelf = new ArrayList<>();
    List<Map<String, Long>> stageOwn = new ArrayList<>();
    List<Map<String, Long>> stageThreads = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      stageSelf.add(new HashMap<>());
      stageOwn.add(new HashMap<>());
      stageThreads.add(new LinkedHashMap<>());
    }
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> area = new LinkedHashMap<>();
    AREAS.keySet().forEach(k -> area.put(k, 0L));
    area.put("other", 0L);
    long samples = 0;
    // Streamed: a whole-corpus recording holds millions of events, more than the orchestrator's small heap.
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        RecordedStackTrace st = e.getStackTrace();
        if (st == null || st.getFrames().isEmpty()) {
          continue;
        }
        samples++;
        String top0 = name(st.getFrames().get(0));
        self.merge(top0, 1L, Long::sum);
        area.merge(innermostArea(st), 1L, Long::sum);
        long at = e.getStartTime().toEpochMilli();
        for (int i = 0; i < spans.size(); i++) {
          if (at >= spans.get(i).startMillis() && at < spans.get(i).endMillis()) {
            stageSelf.get(i).merge(top0, 1L, Long::sum);
            stageThreads.get(i).merge(threadKind(e), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : st.getFrames()) {
              String n = name(f);
              if (OWN.stream().anyMatch(n::startsWith) && !n.startsWith(BENCH) && !n.contains("$$Lambda")
                  && seen.add(n)) {
                stageOwn.get(i).merge(n, 1L, Long::sum);
              }
            }
          }
        }
      }
    }
    Map<String, StageProfile> byStage = new LinkedHashMap<>();
    for (int i = 0; i < spans.size(); i++) {
      long k = stageThreads.get(i).values().stream().mapToLong(Long::longValue).sum();
      if (k == 0) {
        continue;
      }
      Map<String, Double> threads = new LinkedHashMap<>();
      stageThreads.get(i).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(t -> threads.put(t.getKey(), t.getValue() / (double) k));
      byStage.put(spans.get(i).stage(), new StageProfile(k, threads, hottest(stageSelf.get(i), k, PER_STAGE_TOP),
          hottest(stageOwn.get(i), k, PER_STAGE_TOP)));
    }
    long n = Math.max(samples, 1);
    Map<String, Double> shares = new LinkedHashMap<>();
    area.forEach((k, v) -> shares.put(k, v / (double) n));
    return new Summary(samples, hottest(self, n, top), shares, byStage);
  }

  private static List<Hot> hottest(Map<String, Long> counts, long n, int top) {
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
        .map(e -> new Hot(e.getKey(), e.getValue(), e.getValue() / (double) n)).toList();
  }

  /**
   * Spark tasks, Spark's scheduler (task serialisation and job planning happen there), or the driver's thread
   * (query planning, code generation, collecting results).
   */
  private static String threadKind(RecordedEvent e) {
    RecordedThread t = e.getThread("sampledThread");
    String n = t == null || t.getJavaName() == null ? "" : t.getJavaName();
    if (n.startsWith("Executor task launch")) {
      return "tasks";
    }
    if (n.equals("main")) {
      return "driver";
    }
    if (n.startsWith("dag-scheduler") || n.startsWith("dispatcher-event-loop") || n.startsWith("task-result-getter")) {
      return "scheduler";
    }
    return "other threads";
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
