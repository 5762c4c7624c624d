package org.topicline.io;

import java.io.Serializable;

/**
 * A term and its weight: the struct of summaries.keywords, topic_digests.top_terms and topic_scores.evidence, one
 * bean so the three columns share one Parquet type.
 */
public class WeightedTerm implements Serializable {
  private String term;
  private double weight;

  public WeightedTerm() {}

  public WeightedTerm(String term, double weight) {
    this.term = term;
    this.weight = weight;
  }

  public String getTerm() { return term; }
  public void setTerm(String v) { term = v; }
  public double getWeight() { return weight; }
  public void setWeight(double v) { weight = v; }
}
