package org.topicline.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.topicline.ingest.Article;
import org.topicline.ingest.FileAdapter;
import org.topicline.ingest.ParsedRecord;
import org.topicline.ingest.PeoplesDailyAdapter;
import org.topicline.ingest.XwlbAdapter;
import org.topicline.io.DataPaths;

/**
 * Hand labels: CSV or JSONL, either long ({@code article_id} or {@code source} and {@code source_id}, {@code topic},
 * {@code label}) or wide (one 0/1 column per topic id, as in {@code topic-labels-dev/labels.jsonl}). They override
 * weak labels in training and measure the model in {@code eval-topics}.
 */
public final class GoldLabels {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One label: the item is keyed by article id when the file gives it, else by {@link #sourceKey} (sources number
   * their records independently, so a source id alone may name an article of each source).
   */
  public record Label(String key, String topic, int label) implements java.io.Serializable {}

  /** A labelled item of a wide JSONL file that names its source file ({@code file}, relative to a data root). */
  public record Item(String source, String file, String sourceId, Map<String, Integer> labels) {}

  private GoldLabels() {}

  public static List<Label> read(SparkSession spark, String path, Set<String> topics) {
    String text = DataPaths.readText(spark, DataPaths.normalise(path));
    return path.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? csv(path, text, topics) : jsonl(path, text, topics);
  }

  static List<Label> jsonl(String path, String text, Set<String> topics) {
    Labels out = new Labels(path, topics);
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      out.add(i, row(parse(path, i, lines[i])));
    }
    return out.labels();
  }

  private static Map<String, String> row(JsonNode n) {
    Map<String, String> row = new LinkedHashMap<>();
    n.fieldNames().forEachRemaining(f -> row.put(f, n.get(f).isNull() ? null : n.get(f).asText()));
    return row;
  }

  static List<Label> csv(String path, String text, Set<String> topics) {
    String[] lines = text.split("\r?\n");
    List<String> header = Arrays.stream(lines[0].split(",")).map(String::strip).toList();
    Labels out = new Labels(path, topics);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] cells = lines[i].split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size() && c < cells.length; c++) {
        row.put(header.get(c), cells[c].strip());
      }
      out.add(i, row);
    }
    return out.labels();
  }

  /**
   * The labels of a file, line by line, checked: an unknown topic (a typo would silently label nothing) and two
   * lines giving the same item and topic different labels (which one wins would depend on their order) are errors.
   */
  private static final class Labels {
    /** Columns that name the item; in the wide form every other column is a topic. */
    private static final Set<String> ITEM_COLUMNS = Set.of("article_id", "source", "source_id", "file");

    private final String path;
    private final Set<String> topics;
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();

    Labels(String path, Set<String> topics) {
      this.path = path;
      this.topics = topics;
    }

    void add(int line, Map<String, String> row) {
      String key = key(path, line, row.get("article_id"), row.get("source"), row.get("source_id"));
      if (row.containsKey("topic")) {
        put(line, key, row.get("topic"), row.get("label"));
        return;
      }
      for (Map.Entry<String, String> c : row.entrySet()) {
        if (!ITEM_COLUMNS.contains(c.getKey())) {
          put(line, key, c.getKey(), c.getValue());
        }
      }
    }

    private void put(int line, String key, String topic, String value) {
      if (!topics.contains(topic)) {
        throw new IllegalArgumentException(path + ":" + (line + 1) + ": unknown topic " + topic + " (topics: "
            + String.join(", ", topics) + ")");
      }
      Label l = new Label(key, topic, label(path, line, value));
      String itemTopic = key + "\t" + topic;
      Label before = labels.putIfAbsent(itemTopic, l);
      if (before == null) {
        lines.put(itemTopic, line);
      } else if (before.label() != l.label()) {
        throw new IllegalArgumentException(path + ":" + (lines.get(itemTopic) + 1) + " and " + path + ":"
            + (line + 1) + ": " + key.replace('\t', ' ') + " is labelled both " + before.label() + " and "
            + l.label() + " for " + topic);
      }
    }

    List<Label> labels() {
      return new ArrayList<>(labels.values());
    }
  }

  /**
   * The items of a wide JSONL file that names each item's source file, checked as training's labels are: an unknown
   * topic column or an item labelled two ways for a topic is an error naming the lines; an item repeated with the
   * same labels counts once.
   */
  public static List<Item> items(SparkSession spark, String path, Set<String> topics) {
    return items(path, DataPaths.readText(spark, DataPaths.normalise(path)), topics);
  }

  static List<Item> items(String path, String text, Set<String> topics) {
    Labels checked = new Labels(path, topics);
    Map<String, Item> out = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      Map<String, String> row = row(parse(path, i, lines[i]));
      checked.add(i, row);
      Map<String, Integer> labels = new HashMap<>();
      for (String t : topics) {
        if (row.containsKey(t)) {
          labels.put(t, label(path, i, row.get(t)));
        }
      }
      String key = key(path, i, row.get("article_id"), row.get("source"), row.get("source_id"));
      Item before = out.get(key);
      if (before != null) {
        // The same item again: its labels agree (checked above); a line may add topics the first did not give.
        labels.putAll(before.labels());
      }
      out.put(key, new Item(row.get("source"), row.get("file"), row.get("source_id"), labels));
    }
    return new ArrayList<>(out.values());
  }

  /**
   * The articles of labelled items, parsed from their files under {@code dataRoot} with the source's adapter (so
   * evaluation needs no ingest run); an item whose record cannot be found is an error.
   */
  public static List<Article> articles(SparkSession spark, String dataRoot, List<Item> items) {
    Map<String, List<ParsedRecord>> parsed = new HashMap<>();
    List<Article> out = new ArrayList<>();
    for (Item it : items) {
      if (it.file() == null) {
        throw new IllegalArgumentException("label for " + it.sourceId() + " names no file");
      }
      List<ParsedRecord> records = parsed.computeIfAbsent(it.file(), f -> {
        String p = DataPaths.normalise(dataRoot.endsWith("/") ? dataRoot + f : dataRoot + "/" + f);
        return adapter(it.source()).parse(p, readBytes(spark, p));
      });
      ParsedRecord r = records.stream().filter(x -> x.isArticle() && it.sourceId().equals(x.getSourceId()))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no record " + it.sourceId() + " in " + it.file()));
      out.add(toArticle(r));
    }
    return out;
  }

  static Article toArticle(ParsedRecord r) {
    Article a = new Article();
    a.setArticleId(r.getSource() + ":" + r.getSourceId());
    a.setSource(r.getSource());
    a.setSourceId(r.getSourceId());
    a.setPubDate(r.getPubDate());
    a.setTitle(r.getTitle());
    a.setBody(r.getBody() == null ? "" : r.getBody());
    a.setKicker(r.getKicker());
    a.setSubtitle(r.getSubtitle());
    a.setCharCount(a.getBody().length());
    if (r.getPubDate() != null) {
      a.setYear(r.getPubDate().getYear());
      a.setMonth(r.getPubDate().getMonthValue());
    }
    return a;
  }

  private static FileAdapter adapter(String source) {
    return switch (source) {
      case XwlbAdapter.SOURCE -> new XwlbAdapter();
      case PeoplesDailyAdapter.SOURCE -> new PeoplesDailyAdapter();
      default -> throw new IllegalArgumentException("labels name source " + source + "; only xwlb and peoples-daily"
          + " items can be read from their files");
    };
  }

  private static byte[] readBytes(SparkSession spark, String path) {
    try (var in = DataPaths.fileSystem(spark, path).open(new org.apache.hadoop.fs.Path(path))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static JsonNode parse(String path, int line, String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(path + ":" + (line + 1) + ": not JSON: " + e.getMessage());
    }
  }

  private static String key(String path, int line, String articleId, String source, String sourceId) {
    if (articleId != null && !articleId.isBlank()) {
      return articleId;
    }
    if (sourceId == null || sourceId.isBlank()) {
      throw new IllegalArgumentException(path + ":" + (line + 1) + ": a label needs article_id, or source and"
          + " source_id");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(path + ":" + (line + 1) + ": a label by source_id needs its source too"
          + " (sources may share ids)");
    }
    return sourceKey(source, sourceId);
  }

  /** The key of an item given by source and source id (article ids hold no tab, so the two never collide). */
  static String sourceKey(String source, String sourceId) {
    return source + "\t" + sourceId;
  }

  private static int label(String path, int line, String v) {
    return switch (v == null ? "" : v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "1", "true", "yes" -> 1;
      case "0", "false", "no" -> 0;
      default -> throw new IllegalArgumentException(path + ":" + (line + 1) + ": label must be 0/1, was " + v);
    };
  }
}
