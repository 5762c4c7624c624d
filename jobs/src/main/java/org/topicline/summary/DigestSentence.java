package org.topicline.summary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A sentence of a topic digest, with every article (reprints counted once) that carries it. */
public class DigestSentence implements Serializable {
  private String text;
  private double score;
  private List<String> articleIds = new ArrayList<>();

  public DigestSentence() {}

  public DigestSentence(String text, double score, List<String> articleIds) {
    this.text = text;
    this.score = score;
    this.articleIds = articleIds;
  }

  public String getText() { return text; }
  public void setText(String v) { text = v; }
  public double getScore() { return score; }
  public void setScore(double v) { score = v; }
  public List<String> getArticleIds() { return articleIds; }
  public void setArticleIds(List<String> v) { articleIds = v; }
}
