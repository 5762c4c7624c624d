package org.topicline.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slots and subject templates of the sample corpus, read from {@code phrases.txt} next to this class (its header
 * describes the format), and the filling of templates.
 */
final class PhraseBank {
  static final String RESOURCE = "phrases.txt";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([~#]?)([^{}]+)}");
  private static final Pattern SEASON = Pattern.compile("\\[(\\d{1,2})-(\\d{1,2})]\\s*");
  private static final int MAX_DEPTH = 4;
  private static final java.util.Set<String> BORROWED = java.util.Set.of("detail", "closing");

  /** One subject: what an article is about, its true topics and its templates by section. */
  record Subject(String key, List<String> topics, List<String> borrow, Map<String, List<String>> sections) {
    List<String> section(String name) {
      return sections.getOrDefault(name, List.of());
    }
  }

  private final Map<String, List<String>> slots;
  private final Map<String, Subject> subjects;

  private PhraseBank(Map<String, List<String>> slots, Map<String, Subject> subjects) {
    this.slots = slots;
    this.subjects = subjects;
  }

  private static final class Holder {
    static final PhraseBank STANDARD = load();
  }

  /** The bundled bank, parsed once per JVM. */
  static PhraseBank standard() {
    return Holder.STANDARD;
  }

  Map<String, Subject> subjects() {
    return subjects;
  }

  Subject subject(String key) {
    Subject s = subjects.get(key);
    if (s == null) {
      throw new IllegalArgumentException("no subject '" + key + "' in " + RESOURCE);
    }
    return s;
  }

  /**
   * The templates of a section of the subject that suit the month, plus, for the detail and closing sections, those
   * of the subjects it borrows from (a hard negative keeps its own title and lead: they carry the misleading words).
   */
  List<String> pool(Subject s, String section, int month) {
    List<String> out = new ArrayList<>();
    addInSeason(out, s.section(section), month);
    if (BORROWED.contains(section)) {
      for (String b : s.borrow()) {
        addInSeason(out, subject(b).section(section), month);
      }
    }
    return out;
  }

  /** A template that starts with {@code [from-to]} is used only in those months ({@code [11-2]} wraps the year). */
  private static void addInSeason(List<String> out, List<String> templates, int month) {
    for (String t : templates) {
      Matcher m = SEASON.matcher(t);
      if (!m.lookingAt()) {
        out.add(t);
        continue;
      }
      int from = Integer.parseInt(m.group(1));
      int to = Integer.parseInt(m.group(2));
      if (from <= to ? month >= from && month <= to : month >= from || month <= to) {
        out.add(t.substring(m.end()));
      }
    }
  }

  private static PhraseBank load() {
    String text;
    try (InputStream in = PhraseBank.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(text);
  }

  static PhraseBank parse(String text) {
    Map<String, List<String>> slots = new LinkedHashMap<>();
    Map<String, Subject> subjects = new LinkedHashMap<>();
    List<String> current = null;
    Subject subject = null;
    int lineNo = 0;
    for (String raw : text.split("\n")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("== slot ")) {
        current = new ArrayList<>();
        slots.put(line.substring("== slot ".length()).strip(), current);
        subject = null;
      } else if (line.startsWith("== subject ")) {
        String[] parts = line.substring("== subject ".length()).strip().split("\\s+");
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
          String[] kv = parts[i].split("=", 2);
          attrs.put(kv[0], kv.length < 2 || kv[1].isEmpty() ? List.of() : Arrays.asList(kv[1].split(",")));
        }
        subject = new Subject(parts[0], List.copyOf(attrs.getOrDefault("topics", List.of())),
            List.copyOf(attrs.getOrDefault("borrow", List.of())), new LinkedHashMap<>());
        subjects.put(subject.key(), subject);
        current = null;
      } else if (line.startsWith("-- ")) {
        if (subject == null) {
          throw new IllegalStateException(RESOURCE + ":" + lineNo + ": section outside a subject");
        }
        current = new ArrayList<>();
        subject.sections().put(line.substring(3).strip(), current);
      } else {
        if (current == null) {
          throw new IllegalStateException(RESOURCE + ":" + lineNo + ": text outside a slot or section");
        }
        current.add(line);
      }
    }
    for (Subject s : subjects.values()) {
      for (String b : s.borrow()) {
        if (!subjects.containsKey(b)) {
          throw new IllegalStateException(RESOURCE + ": subject " + s.key() + " borrows from unknown " + b);
        }
      }
    }
    return new PhraseBank(slots, subjects);
  }

  /** Fills templates for one article: {@code {name}} keeps its first choice, {@code {~name}} is drawn anew. */
  final class Filler {
    private final SplittableRandom random;
    private final Map<String, String> bound = new LinkedHashMap<>();

    Filler(SplittableRandom random, Map<String, String> preset) {
      this.random = random;
      bound.putAll(preset);
    }

    String fill(String template) {
      return fill(template, 0);
    }

    private String fill(String template, int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalStateException("templates nest too deeply: " + template);
      }
      Matcher m = PLACEHOLDER.matcher(template);
      StringBuilder b = new StringBuilder(template.length() + 32);
      while (m.find()) {
        String kind = m.group(1);
        String name = m.group(2);
        String value;
        if (kind.equals("#")) {
          value = number(name);
        } else if (kind.equals("~")) {
          value = fill(pick(name), depth + 1);
        } else {
          value = bound.get(name);
          if (value == null) {
            value = fill(pick(name), depth + 1);
            bound.put(name, value);
          }
        }
        m.appendReplacement(b, Matcher.quoteReplacement(value));
      }
      m.appendTail(b);
      return b.toString();
    }

    private String pick(String slot) {
      List<String> values = slots.get(slot);
      if (values == null || values.isEmpty()) {
        throw new IllegalStateException(RESOURCE + ": no slot '" + slot + "'");
      }
      return values.get(random.nextInt(values.size()));
    }

    private String number(String range) {
      int dash = range.indexOf('-');
      int lo = Integer.parseInt(range.substring(0, dash));
      int hi = Integer.parseInt(range.substring(dash + 1));
      return Integer.toString(lo + random.nextInt(hi - lo + 1));
    }

    SplittableRandom random() {
      return random;
    }
  }
}
