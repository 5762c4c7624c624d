package org.topicline.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Wall time of Spark jobs by job group (jobs set their phases with {@code setJobGroup}, e.g. {@code ingest-write}),
 * so the bench can report time spent in phases that cut across stages, such as writing Parquet.
 */
final class JobGroupClock extends SparkListener {
  private static final String GROUP = "spark.jobGroup.id";

  private final Map<Integer, long[]> running = new HashMap<>();
  private final Map<Integer, String> groups = new HashMap<>();
  private final List<Interval> done = new ArrayList<>();

  private record Interval(String group, long start, long end) {}

  @Override
  public synchronized void onJobStart(SparkListenerJobStart job) {
    String group = job.properties() == null ? null : job.properties().getProperty(GROUP);
    running.put(job.jobId(), new long[] {job.time()});
    groups.put(job.jobId(), group == null ? "" : group);
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd job) {
    long[] start = running.remove(job.jobId());
    String group = groups.remove(job.jobId());
    if (start != null) {
      done.add(new Interval(group, start[0], job.time()));
    }
  }

  /** Seconds during which at least one job of a group whose name contains {@code part} was running. */
  synchronized double seconds(String part) {
    List<long[]> spans = done.stream().filter(i -> i.group().contains(part))
        .map(i -> new long[] {i.start(), i.end()}).sorted((a, b) -> Long.compare(a[0], b[0])).toList();
    long total = 0;
    long coveredUntil = Long.MIN_VALUE;
    for (long[] s : spans) {
      long from = Math.max(s[0], coveredUntil);
      if (s[1] > from) {
        total += s[1] - from;
      }
      coveredUntil = Math.max(coveredUntil, s[1]);
    }
    return total / 1000.0;
  }
}
