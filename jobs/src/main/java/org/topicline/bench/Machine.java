package org.topicline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine a bench ran on, for the table's heading. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
    String memKb = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    String mem = memKb == null ? "?" : Math.round(Long.parseLong(memKb.replaceAll("[^0-9]", "")) / 1048576.0) + " GB";
    return String.format("%d cores (%s), %s RAM, Java %s, %s %s", Runtime.getRuntime().availableProcessors(),
        cpu == null ? "unknown CPU" : cpu, mem, System.getProperty("java.version"), System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }

  private static String firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
