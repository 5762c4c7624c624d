package org.topicline.topics;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.topicline.io.TableSpec;
import org.topicline.io.Tables;

/** A row of {@code model_metrics}: one topic of one model version, measured on the held-out split. */
public class ModelMetric implements Serializable {
  public static final Encoder<ModelMetric> ENCODER = Encoders.bean(ModelMetric.class);

  public static final TableSpec SPEC = TableSpec.builder(Tables.MODEL_METRICS)
      .column("model_version", "the models/<version> folder")
      .column("topic", "topic id")
      .column("precision", "precision at the threshold on held-out labelled articles (weak labels, gold where given)")
      .column("recall", "recall at the threshold on held-out labelled articles")
      .column("f1", "F1 at the threshold on held-out labelled articles")
      .column("roc_auc", "area under the ROC curve on held-out labelled articles; null when they lack positives or"
          + " negatives")
      .column("pr_auc", "average precision (sum of recall gain x precision over thresholds) on held-out labelled"
          + " articles; null when they lack positives or negatives")
      .column("support", "held-out positives")
      .column("threshold", "decision threshold on the probability (chosen on held-out data unless set in conf)")
      .column("held_out", "held-out labelled articles (positives + negatives)")
      .column("train_positives", "training positives (weak or gold)")
      .column("train_negatives", "training negatives (weak or gold)")
      .column("rule_positives", "articles of the whole window the seed rules alone call positive")
      .column("model_positives", "articles of the whole window the model labels positive")
      .column("beyond_rules", "model positives that the seed rules alone do not call positive")
      .column("run_id", "the train run that wrote the row")
      .build();

  private String modelVersion;
  private String topic;
  private double precision;
  private double recall;
  private double f1;
  private Double rocAuc;
  private Double prAuc;
  private long support;
  private double threshold;
  private long heldOut;
  private long trainPositives;
  private long trainNegatives;
  private long rulePositives;
  private long modelPositives;
  private long beyondRules;
  private String runId;

  public String getModelVersion() { return modelVersion; }
  public void setModelVersion(String v) { modelVersion = v; }
  public String getTopic() { return topic; }
  public void setTopic(String v) { topic = v; }
  public double getPrecision() { return precision; }
  public void setPrecision(double v) { precision = v; }
  public double getRecall() { return recall; }
  public void setRecall(double v) { recall = v; }
  public double getF1() { return f1; }
  public void setF1(double v) { f1 = v; }
  public Double getRocAuc() { return rocAuc; }
  public void setRocAuc(Double v) { rocAuc = v; }
  public Double getPrAuc() { return prAuc; }
  public void setPrAuc(Double v) { prAuc = v; }
  public long getSupport() { return support; }
  public void setSupport(long v) { support = v; }
  public double getThreshold() { return threshold; }
  public void setThreshold(double v) { threshold = v; }
  public long getHeldOut() { return heldOut; }
  public void setHeldOut(long v) { heldOut = v; }
  public long getTrainPositives() { return trainPositives; }
  public void setTrainPositives(long v) { trainPositives = v; }
  public long getTrainNegatives() { return trainNegatives; }
  public void setTrainNegatives(long v) { trainNegatives = v; }
  public long getRulePositives() { return rulePositives; }
  public void setRulePositives(long v) { rulePositives = v; }
  public long getModelPositives() { return modelPositives; }
  public void setModelPositives(long v) { modelPositives = v; }
  public long getBeyondRules() { return beyondRules; }
  public void setBeyondRules(long v) { beyondRules = v; }
  public String getRunId() { return runId; }
  public void setRunId(String v) { runId = v; }
}
