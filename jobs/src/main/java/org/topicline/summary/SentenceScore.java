package org.topicline.summary;

import java.io.Serializable;

/** A picked sentence in the {@code summaries} table: its index among the article's sentences, text and score. */
public class SentenceScore implements Serializable {
  private int index;
  private String text;
  private double score;

  public SentenceScore() {}

  public SentenceScore(int index, String text, double score) {
    this.index = index;
    this.text = text;
    this.score = score;
  }

  public int getIndex() { return index; }
  public void setIndex(int v) { index = v; }
  public String getText() { return text; }
  public void setText(String v) { text = v; }
  public double getScore() { return score; }
  public void setScore(double v) { score = v; }
}
