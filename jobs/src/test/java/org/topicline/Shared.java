package org.topicline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real corpora in {@code ../shared} (never copied into the repo). Tests that need them call {@link #data} and
 * are skipped with a clear message on a clone that has no {@code ../shared}.
 */
public final class Shared {
  private Shared() {}

  public static Path root() {
    String prop = System.getProperty("topicline.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
    if (!Files.isDirectory(p)) {
      p = Path.of("..", "shared");
    }
    return p.toAbsolutePath().normalize();
  }

  /** {@code ../shared/<relative>}, or the test is skipped. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    assumeTrue(Files.exists(p), "skipped: ../shared/" + relative + " is absent (a fresh clone has no ../shared; CI has it)");
    return p;
  }

  public static Path data(String relative) {
    return require("data/" + relative);
  }
}
