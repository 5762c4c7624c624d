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
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Headless Chromium driven from its command line: a screenshot (PNG), a PDF, or the DOM as the browser parsed it.
 * Each call runs its own browser on a copy of the page in a throw-away folder that also holds its profile, so calls
 * never share state or lock a profile.
 * {@code scripts/install-deps} installs Debian's {@code chromium} and {@code fonts-wqy-microhei} (without a CJK
 * font the Chinese text renders as boxes).
 */
public final class HeadlessChromium {
  /** Looked up on PATH, in this order, when no browser is configured. */
  public static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome",
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

  /** A screenshot (PNG) of the top {@code width} x {@code height} pixels of {@code page} (an HTML document). */
  public byte[] png(String page, int width, int height) {
    return render(page, "review.png", p -> List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
        "--screenshot=" + p));
  }

  /** The whole of {@code page} printed to PDF (no browser header or footer). */
  public byte[] pdf(String page) {
    return render(page, "review.pdf", p -> List.of("--no-pdf-header-footer", "--print-to-pdf=" + p));
  }

  /** The DOM of {@code page} after the browser parsed it: what a reader's browser makes of the file. */
  public String dom(String page) {
    return new String(render(page, null, p -> List.of("--dump-dom")), StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code page} to a temporary folder, runs the browser on it with {@code args} (given the product's path)
   * and returns the product's bytes, or the browser's standard output when {@code product} is null.
   */
  private byte[] render(String page, String product, Function<Path, List<String>> args) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("topicline-chromium");
      Path html = Files.writeString(dir.resolve("page.html"), page, StandardCharsets.UTF_8);
      Path stdout = dir.resolve("stdout");
      Path out = product == null ? stdout : dir.resolve(product);
      Path stderr = dir.resolve("stderr");
      List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--disable-gpu",
          // The sandbox refuses to start as root (containers, CI); the page is our own file, read from disk.
          "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile")));
      command.addAll(args.apply(out));
      command.add(html.toUri().toString());
      Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(executable + " did not finish within " + TIMEOUT.toSeconds() + " s");
      }
      if (p.exitValue() != 0 || !Files.exists(out)) {
        throw new IllegalStateException(executable + " failed (exit " + p.exitValue() + "): "
            + tail(Files.readString(stderr, StandardCharsets.UTF_8)));
      }
      return Files.readAllBytes(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + executable, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + executable + " ran", e);
    } finally {
      delete(dir);
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
      // A leftover temporary folder is harmless; the browser's result is what matters.
    }
  }
}
