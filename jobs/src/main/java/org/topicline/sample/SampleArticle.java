package org.topicline.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated article with its truth. {@code kicker} and {@code byline} are null when the article has none;
 * {@code topics} holds the topic ids it is really about (empty for background items and hard negatives);
 * {@code subject} names what it is about in finer grain (e.g. {@code weather}, {@code neg_hydrogen_science});
 * {@code reprintOf} is the id of the article it republishes, or null.
 */
public record SampleArticle(
    String id,
    LocalDate date,
    String source,
    String title,
    String kicker,
    String byline,
    String brief,
    List<String> paragraphs,
    List<String> topics,
    String subject,
    String reprintOf) {

  public SampleArticle {
    paragraphs = List.copyOf(paragraphs);
    topics = List.copyOf(topics);
  }

  /** Paragraphs joined by newlines, as an archive stores the body. */
  public String body() {
    return String.join("\n", paragraphs);
  }

  SampleArticle withId(String newId) {
    return new SampleArticle(newId, date, source, title, kicker, byline, brief, paragraphs, topics, subject,
        reprintOf);
  }
}
