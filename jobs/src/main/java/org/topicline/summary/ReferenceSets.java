package org.topicline.summary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.topicline.ingest.ParsedRecord;
import org.topicline.ingest.XwlbAdapter;
import org.topicline.io.DataPaths;

/** Human-written reference summaries to measure against: xwlb editor briefs and LCSTS part III. */
final class ReferenceSets {
  /** One text with its human summary; {@code title} may be null. */
  record Item(String id, String title, String body, String reference) {}

  private static final Pattern LCSTS_DOC = Pattern.compile(
      "<doc id=(\\d+)>\\s*<human_label>(\\d+)</human_label>\\s*<summary>(.*?)</summary>\\s*"
          + "<short_text>(.*?)</short_text>\\s*</doc>", Pattern.DOTALL);

  private ReferenceSets() {}

  /**
   * xwlb items with a body and a brief, read with the ingest adapter (so the text is what ingest produces); a
   * deterministic 1-in-{@code every} sample by a hash of the item id.
   */
  static List<Item> xwlb(SparkSession spark, String root, int every) throws IOException {
    FileSystem fs = DataPaths.fileSystem(spark, root);
    List<String> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(DataPaths.normalise(root)), true);
    while (it.hasNext()) {
      String p = it.next().getPath().toString();
      if (p.endsWith(".json.gz") || p.endsWith(".json")) {
        files.add(p);
      }
    }
    files.sort(null);
    XwlbAdapter adapter = new XwlbAdapter();
    List<Item> out = new ArrayList<>();
    for (String f : files) {
      byte[] bytes;
      try (InputStream in = fs.open(new Path(f))) {
        bytes = in.readAllBytes();
      }
      for (ParsedRecord r : adapter.parse(f, bytes)) {
        if (r.isArticle() && r.getBrief() != null && r.getBody() != null && !r.getBody().isBlank()
            && sampled(r.getSourceId(), every)) {
          out.add(new Item(r.getSourceId(), r.getTitle(), r.getBody(), r.getBrief()));
        }
      }
    }
    return out;
  }

  private static boolean sampled(String id, int every) {
    CRC32 crc = new CRC32();
    crc.update(id.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % every == 0;
  }

  /** LCSTS part III pairs whose human relevance score is at least {@code minLabel}. */
  static List<Item> lcsts(SparkSession spark, String file, int minLabel) {
    String text = DataPaths.readText(spark, file);
    List<Item> out = new ArrayList<>();
    Matcher m = LCSTS_DOC.matcher(text);
    while (m.find()) {
      if (Integer.parseInt(m.group(2)) >= minLabel) {
        out.add(new Item(m.group(1), null, m.group(4).strip(), m.group(3).strip()));
      }
    }
    return out;
  }

  /** True when the brief is the title with a full stop (the definition: about 45% of items). */
  static boolean briefIsTitle(Item item) {
    return item.title() != null && trimStop(item.title()).equals(trimStop(item.reference()));
  }

  /** True when the brief has the title's words and only its punctuation differs (about 69% of items). */
  static boolean briefHasTitleWords(Item item) {
    return item.title() != null && key(item.title()).equals(key(item.reference()));
  }

  private static String trimStop(String s) {
    String t = s.strip();
    while (t.endsWith("。")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  private static String key(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }
}
