package org.topicline.conf;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration of one run, with the precedence CLI {@code --set} &gt; {@code --conf FILE} &gt; the
 * defaults in {@code conf/topicline.conf} (bundled into the jar as {@code topicline/topicline.conf}).
 *
 * <p>Only this package reads conf files. Accessors throw {@link ConfException} naming the full key and where it was
 * set, so a bad value stops the run before a SparkSession starts. Files that the conf refers to (dictionaries, stop
 * words, labels) are read here on the driver and handed to stages as values: executors never read conf.
 */
public final class TopiclineConf {
  public static final String ROOT = "topicline";
  static final String DEFAULTS_RESOURCE = "topicline/topicline.conf";

  private final transient Config config;
  private final String userConfDir;

  private TopiclineConf(Config config, String userConfDir) {
    this.config = config;
    this.userConfDir = userConfDir;
  }

  /** The bundled defaults only. */
  public static TopiclineConf defaults() {
    return load(null, Map.of());
  }

  /**
   * Loads the defaults, layers {@code confFile} (may be null) and then the {@code key=value} overrides on top.
   * Override keys may omit the {@code topicline.} prefix.
   */
  public static TopiclineConf load(Path confFile, Map<String, String> overrides) {
    ConfigParseOptions strict = ConfigParseOptions.defaults().setAllowMissing(false);
    Config defaults;
    try {
      defaults = ConfigFactory.parseResources(TopiclineConf.class.getClassLoader(), DEFAULTS_RESOURCE, strict);
    } catch (ConfigException e) {
      throw new ConfException(ROOT, "cannot read the bundled defaults " + DEFAULTS_RESOURCE + ": " + e.getMessage(), e);
    }
    Config merged = defaults;
    String dir = null;
    if (confFile != null) {
      if (!Files.isRegularFile(confFile)) {
        throw new ConfException("--conf", "no such file: " + confFile);
      }
      try {
        merged = ConfigFactory.parseFile(confFile.toFile(), strict).withFallback(merged);
      } catch (ConfigException e) {
        throw new ConfException("--conf", e.getMessage(), e);
      }
      dir = confFile.toAbsolutePath().getParent().toString();
    }
    if (!overrides.isEmpty()) {
      StringBuilder text = new StringBuilder();
      for (Map.Entry<String, String> e : overrides.entrySet()) {
        String key = e.getKey().startsWith(ROOT + ".") ? e.getKey() : ROOT + "." + e.getKey();
        text.append(key).append(" = ").append(quoteIfNeeded(e.getValue())).append('\n');
      }
      try {
        merged = ConfigFactory.parseString(text.toString(),
            ConfigParseOptions.defaults().setOriginDescription("--set")).withFallback(merged);
      } catch (ConfigException e) {
        throw new ConfException("--set", e.getMessage(), e);
      }
    }
    try {
      merged = merged.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(false));
    } catch (ConfigException e) {
      throw new ConfException(ROOT, e.getMessage(), e);
    }
    return new TopiclineConf(merged, dir);
  }

  private static String quoteIfNeeded(String v) {
    String t = v.trim();
    if (t.startsWith("[") || t.startsWith("{") || t.startsWith("\"") || t.matches("-?[0-9.]+|true|false|null")) {
      return t;
    }
    return "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public String getString(String key) {
    return get(key, () -> config.getString(ROOT + "." + key));
  }

  /** A string that must not be empty or only white space. */
  public String getNonBlankString(String key) {
    String v = getString(key);
    if (v.isBlank()) {
      throw new ConfException(fullKey(key), "must not be blank" + where(key));
    }
    return v;
  }

  public int getInt(String key) {
    return get(key, () -> {
      requireWhole(key);
      return config.getInt(ROOT + "." + key);
    });
  }

  public long getLong(String key) {
    return get(key, () -> {
      requireWhole(key);
      return config.getLong(ROOT + "." + key);
    });
  }

  public double getDouble(String key) {
    return get(key, () -> config.getDouble(ROOT + "." + key));
  }

  public boolean getBoolean(String key) {
    return get(key, () -> config.getBoolean(ROOT + "." + key));
  }

  public List<String> getStringList(String key) {
    return get(key, () -> config.getStringList(ROOT + "." + key));
  }

  public Config getConfig(String key) {
    return get(key, () -> config.getConfig(ROOT + "." + key));
  }

  /** An int that must lie in [min, max]. */
  public int getInt(String key, int min, int max) {
    int v = getInt(key);
    if (v < min || v > max) {
      throw new ConfException(fullKey(key), "must be between " + min + " and " + max + ", was " + v + where(key));
    }
    return v;
  }

  /** A double that must lie in [min, max]. */
  public double getDouble(String key, double min, double max) {
    double v = getDouble(key);
    if (!(v >= min && v <= max)) {
      throw new ConfException(fullKey(key), "must be between " + min + " and " + max + ", was " + v + where(key));
    }
    return v;
  }

  /** Where a key was set ({@code " (conf/topicline.conf: 12)"}), for messages. */
  public String where(String key) {
    String full = fullKey(key);
    if (!config.hasPath(full)) {
      return "";
    }
    ConfigValue v = config.getValue(full);
    return " (" + v.origin().description() + ")";
  }

  /** The config library's getInt and getLong truncate a fraction (2.5 becomes 2); a count given so is a mistake. */
  private void requireWhole(String key) {
    Number n = config.getNumber(ROOT + "." + key);
    if (n instanceof Double d && d != Math.rint(d)) {
      throw new ConfException(fullKey(key), "must be a whole number, was " + n + where(key));
    }
  }

  public static String fullKey(String key) {
    return key.startsWith(ROOT + ".") ? key : ROOT + "." + key;
  }

  private <T> T get(String key, java.util.function.Supplier<T> getter) {
    try {
      return getter.get();
    } catch (ConfigException.Missing e) {
      throw new ConfException(fullKey(key), "missing", e);
    } catch (ConfigException e) {
      throw new ConfException(fullKey(key), e.getMessage(), e);
    }
  }

  /**
   * Reads a file the conf refers to: an absolute path or URI as given; a relative one against the user's conf
   * folder first, then the bundled {@code topicline/} resources (where the default dictionaries live).
   */
  public String readReferencedText(String key, String ref) {
    try {
      Path p = Path.of(ref);
      if (p.isAbsolute()) {
        return Files.readString(p, StandardCharsets.UTF_8);
      }
      if (userConfDir != null) {
        Path rel = Path.of(userConfDir).resolve(ref);
        if (Files.isRegularFile(rel)) {
          return Files.readString(rel, StandardCharsets.UTF_8);
        }
      }
      try (InputStream in = TopiclineConf.class.getClassLoader().getResourceAsStream("topicline/" + ref)) {
        if (in != null) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new ConfException(fullKey(key), "cannot read " + ref + ": " + e.getMessage(), e);
    }
    throw new ConfException(fullKey(key), "file not found: " + ref + where(key));
  }

  /** Lines of referenced files, trimmed, without blanks and {@code #} comments. */
  public List<String> readReferencedLines(String key) {
    List<String> out = new ArrayList<>();
    for (String ref : getStringList(key)) {
      for (String line : readReferencedText(key, ref).split("\r?\n")) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** A stable hash of the whole resolved conf (recorded with models and runs). */
  public String hash() {
    return sha256(config.getConfig(ROOT).root().render(com.typesafe.config.ConfigRenderOptions.concise()));
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
