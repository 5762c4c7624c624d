package org.topicline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM while a run lasts: the highest heap in use seen by a sampler, and the highest heap in use
 * after a collection (what the run actually keeps alive; the figure that decides whether a heap size suffices).
 */
final class HeapWatch implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 100;

  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong livePeak = new AtomicLong();
  private final List<Runnable> detach = new ArrayList<>();
  private final Thread sampler;
  private final long gcCountAtStart;
  private final long gcMillisAtStart;
  private volatile boolean running = true;

  HeapWatch() {
    gcCountAtStart = gcCount();
    gcMillisAtStart = gcMillis();
    // The after-GC usage is keyed by memory pool; only the heap pools count (not metaspace or code cache).
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    NotificationListener afterGc = (n, handback) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        livePeak.accumulateAndGet(used, Math::max);
      }
    };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(afterGc, null, null);
        detach.add(() -> {
          try {
            emitter.removeNotificationListener(afterGc);
          } catch (javax.management.ListenerNotFoundException ignored) {
            // already gone
          }
        });
      }
    }
    sampler = new Thread(this::sample, "bench-heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    var memory = ManagementFactory.getMemoryMXBean();
    while (running) {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  long peakBytes() {
    return Math.max(peak.get(), livePeak.get());
  }

  long livePeakBytes() {
    return livePeak.get();
  }

  long gcCountSinceStart() {
    return gcCount() - gcCountAtStart;
  }

  double gcSecondsSinceStart() {
    return (gcMillis() - gcMillisAtStart) / 1000.0;
  }

  static long heapMaxBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .filter(c -> c > 0).sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .filter(c -> c > 0).sum();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    detach.forEach(Runnable::run);
  }
}
