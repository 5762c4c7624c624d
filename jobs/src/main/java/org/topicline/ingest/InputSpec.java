package org.topicline.ingest;

import java.util.Locale;

/** One {@code --input FORMAT:PATH}; the path may be a Hadoop URI ({@code hdfs://…}), so only the first colon splits. */
public record InputSpec(String format, String path) {

  public static InputSpec parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new IllegalArgumentException("--input must be FORMAT:PATH (formats: " + InputFormats.NAMES + "), got '"
          + spec + "'");
    }
    String format = spec.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!InputFormats.NAMES.contains(format)) {
      throw new IllegalArgumentException("--input " + spec + ": unknown format '" + format + "'; known: "
          + InputFormats.NAMES);
    }
    return new InputSpec(format, spec.substring(colon + 1));
  }

  @Override
  public String toString() {
    return format + ":" + path;
  }
}
