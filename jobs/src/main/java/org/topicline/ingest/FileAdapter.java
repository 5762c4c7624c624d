package org.topicline.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * Reads one input file of one format into records. Adapters run on executors: they are serialisable, hold only
 * settings, and never throw for bad input; a file or record they cannot use becomes a reject.
 */
public interface FileAdapter extends Serializable {
  /** The format name used in {@code --input FORMAT:PATH}. */
  String format();

  /**
   * Parses one file. {@code path} is the file's URI as a string (used in {@code location}), {@code bytes} its raw
   * content. Each returned record is one record read.
   */
  List<ParsedRecord> parse(String path, byte[] bytes);

  /** {@code file#index}: where a record came from. */
  static String location(String path, int index) {
    return path + "#" + index;
  }

  /** The last path segment, decoded (Spark lists paths as URIs; People's Daily folder names are not ASCII). */
  static String fileName(String path) {
    String p = decodePath(path);
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Percent-escapes decoded ('+' is a plus sign in a path, not a space). */
  static String decodePath(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }
}
