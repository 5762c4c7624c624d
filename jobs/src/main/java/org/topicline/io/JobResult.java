package org.topicline.io;

/** What a job's {@code run} returns: counts, paths and metrics that tests assert on and the CLI prints. */
public interface JobResult {
  /** A few lines saying what was read, written and rejected, and where. */
  String summary();
}
