package org.topicline.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The pipeline stages the bench times, in pipeline order. */
public enum Stage {
  INGEST, TOKENISE, TOKENS, TRAIN, SCORE, SUMMARIZE, TRENDS, WRITE;

  public static final List<Stage> ALL = List.of(values());

  /**
   * The pipeline's own steps, whose times add up to the pipeline's; tokens is its tokenise step (segments every
   * article once, writes {@code article_tokens}). The tokenise stage is the tokeniser measured on its own (the
   * Spark ML stage over title + body, nothing written) and write is a phase inside the others, so neither is added.
   */
  public static final List<Stage> PIPELINE = List.of(INGEST, TOKENS, TRAIN, SCORE, SUMMARIZE, TRENDS);

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code --stages ingest,tokenise}: stage names, case-insensitive; throws listing the known ones. */
  public static Stage parse(String name) {
    return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(name.strip())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + name + "'; known: "
            + ALL.stream().map(Stage::label).toList()));
  }
}
