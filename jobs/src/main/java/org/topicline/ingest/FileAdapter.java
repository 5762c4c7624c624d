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

  /** The source a reject of a whole file is credited to: the format's own, or null where records name theirs. */
  String source();

  /**
   * Parses one file. {@code path} is the file's URI as a string (used in {@code location}), {@code bytes} its raw
   * content, decoded as UTF-8 or GB18030 ({@link TextDecoding}); a file that is neither is one reject. Each
   * returned record is one record read.
   */
  default List<ParsedRecord> parse(String path, byte[] bytes) {
    String text;
    try {
      text = TextDecoding.decode(bytes).text();
    } catch (TextDecoding.DecodingException e) {
      return List.of(fileReject(path, e.reason(), e.getMessage(), null));
    }
    return parseText(path, text);
  }

  /** Parses one decoded file, as {@link #parse}. */
  List<ParsedRecord> parseText(String path, String text);

  /** A reject standing for the whole file. */
  default ParsedRecord fileReject(String path, String reason, String detail, String payload) {
    return ParsedRecord.reject(format(), source(), location(path, 0), reason, detail, payload);
  }

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
