package org.topicline.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium driven from its command line: a screenshot (PNG), a PDF, or the DOM as the browser parsed it.
 * Each call runs its own browser with a throw-away profile, so calls never share state or lock a profile.
 * {@code scripts/install-deps} installs Debian's {@code chromium} and {@code fonts-wqy-microhei} (without a CJK
 * font the Chinese text renders as boxes).
 */
public final class HeadlessChromium {
  /** Looked up on PATH, in this order, when no browser is configured. */
  static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome",
      "google-chrome-stable");
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final Path executable;

  private HeadlessChromium(Path executable) {
    this.executable = executable;
  }

  /**
   * The configured browser ({@code report.browser}: a path, or a command looked up on PATH), or when that is empty
   * the first of {@link #CANDIDATES} on PATH.
   */
  public static Optional<HeadlessChromium> find(String configured) {
    List<String> names = configured == null || configured.isBlank() ? CANDIDATES : List.of(configured);
    for (String name : names) {
      Optional<Path> p = resolve(name);
      if (p.isPresent()) {
        return Optional.of(new HeadlessChromium(p.get()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> resolve(String name) {
    if (name.contains(File.separator)) {
      Path p = Path.of(name);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public static List<String> candidates() {
    return CANDIDATES;
  }

  public Path executable() {
    return executable;
  }

  /** A screenshot of the page's top {@code width} x {@code height} pixels. */
  public void png(Path page, Path png, int width, int height) {
    run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
        page.toUri().toString()), png);
  }

  /** The whole page printed to PDF (no browser header or footer). */
  public void pdf(Path page, Path pdf) {
    run(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath(), page.toUri().toString()), pdf);
  }

  /** The page's DOM after the browser parsed it: what a reader's browser makes of the file. */
  public String dom(Path page) {
    return run(List.of("--dump-dom", page.toUri().toString()), null);
  }

  /** Runs the browser; returns its standard output. {@code product}, when given, must exist afterwards. */
  private String run(List<String> args, Path product) {
    Path profile = null;
    try {
      profile = Files.createTempDirectory("topicline-chromium");
      Path stdout = profile.resolve("stdout");
      Path stderr = profile.resolve("stderr");
      List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--disable-gpu",
          // The sandbox refuses to start as root (containers, CI); the page is our own file, read from disk.
          "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve("p")));
      command.addAll(args);
      Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(executable + " did not finish within " + TIMEOUT.toSeconds() + " s");
      }
      if (p.exitValue() != 0 || (product != null && !Files.exists(product))) {
        throw new IllegalStateException(executable + " failed (exit " + p.exitValue() + "): "
            + tail(Files.readString(stderr, StandardCharsets.UTF_8)));
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + executable, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + executable + " ran", e);
    } finally {
      delete(profile);
    }
  }

  private static String tail(String s) {
    return s.length() <= 2000 ? s : s.substring(s.length() - 2000);
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless; the browser's result is what matters.
    }
  }
}
