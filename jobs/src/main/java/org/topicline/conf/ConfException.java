package org.topicline.conf;

/** A configuration problem, raised before any Spark work starts; the message names the offending key and file. */
public final class ConfException extends RuntimeException {
  private final String key;

  public ConfException(String key, String message) {
    super("bad conf: " + key + ": " + message);
    this.key = key;
  }

  public ConfException(String key, String message, Throwable cause) {
    super("bad conf: " + key + ": " + message, cause);
    this.key = key;
  }

  /** The full path of the offending key, e.g. {@code topicline.topics.hydrogen_energy.threshold}. */
  public String key() {
    return key;
  }
}
