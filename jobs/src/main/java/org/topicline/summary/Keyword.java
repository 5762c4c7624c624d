package org.topicline.summary;

import java.io.Serializable;

/** A term and its weight (keywords of an article, top terms of a digest). */
public class Keyword implements Serializable {
  private String term;
  private double weight;

  public Keyword() {}

  public Keyword(String term, double weight) {
    this.term = term;
    this.weight = weight;
  }

  public String getTerm() { return term; }
  public void setTerm(String v) { term = v; }
  public double getWeight() { return weight; }
  public void setWeight(double v) { weight = v; }
}
