package org.topicline;

import static org.junit.jupiter.api.Assertions.assertTrue;
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

  /**
   * {@code ../shared/<relative>}; the test is skipped when there is no {@code ../shared} at all, and fails when
   * {@code ../shared} is there without the file (a renamed corpus must not turn tests into silent skips).
   */
  public static Path require(String relative) {
    Path root = root();
    assumeTrue(Files.isDirectory(root), "skipped: ../shared is absent (a fresh clone has no ../shared; CI has it)");
    Path p = root.resolve(relative);
    assertTrue(Files.exists(p), root + " has no " + relative);
    return p;
  }

  public static Path data(String relative) {
    return require("data/" + relative);
  }
}
