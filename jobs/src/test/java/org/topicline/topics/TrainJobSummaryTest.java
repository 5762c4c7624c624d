package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code train} prints, from its metrics alone, and how it weighs its classes (no Spark). */
class TrainJobSummaryTest {
  private static ModelMetric metric(String topic, long trainPositives, long support, long rules, long model,
      long beyond) {
    ModelMetric m = new ModelMetric();
    m.setTopic(topic);
    m.setTrainPositives(trainPositives);
    m.setSupport(support);
    m.setRulePositives(rules);
    m.setModelPositives(model);
    m.setBeyondRules(beyond);
    m.setThreshold(0.5);
    return m;
  }

  @Test
  void aTopicWithFewHeldOutPositivesIsFlaggedWithWhatItLabels() {
    TrainJob.Result r = new TrainJob.Result("v1", "models/v1", 1000, List.of(
        metric("hydrogen_energy", 5, 1, 6, 5, 0),
        metric("party_study", 2647, TrainJob.MIN_HELD_OUT_POSITIVES, 3305, 2828, 295)),
        java.util.Map.of("hydrogen_energy", "0.5: only 6 positives in the held-out split",
            "party_study", "best F-beta, beta 0.5, on the held-out split"), List.of("x: 1 positives"));
    List<String> flagged = r.summary().lines().filter(l -> l.startsWith("few positives: ")).toList();
    assertEquals(List.of("few positives: hydrogen_energy has 5 training and 1 held-out positives: its held-out "
        + "figures measure little; threshold 0.5: only 6 positives in the held-out split (it labels 5 articles, 5 of "
        + "them among the seed rules' 6 positives). Gold labels (train --gold) or a wider window give it more."),
        flagged,
        "ten held-out positives are enough (party_study is not flagged): " + r.summary());
    assertEquals("not trained: x: 1 positives", r.summary().lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void mentioningNegativesGetTheirShareOfTheNegativesHalf() {
    // 100 positives, 900 negatives of which 30 mention the topic.
    double[] w = TrainJob.classWeights(100, 900, 30, 0.5);
    double positives = 100 * w[TopicInstance.POSITIVE];
    double mentioning = 30 * w[TopicInstance.MENTIONING_NEGATIVE];
    double others = 870 * w[TopicInstance.NEGATIVE];
    assertEquals(500, positives, 1e-9, "the positives weigh half of the 1,000 articles");
    assertEquals(250, mentioning, 1e-9);
    assertEquals(250, others, 1e-9);
    w = TrainJob.classWeights(100, 900, 30, 0.2);
    assertEquals(100, 30 * w[TopicInstance.MENTIONING_NEGATIVE], 1e-9);
    assertEquals(400, 870 * w[TopicInstance.NEGATIVE], 1e-9);
    // None that mention the topic, or no others: one weight for all negatives, still half the total.
    for (long m : new long[] {0, 900}) {
      w = TrainJob.classWeights(100, 900, m, 0.5);
      assertEquals(w[TopicInstance.NEGATIVE], w[TopicInstance.MENTIONING_NEGATIVE], "mentioning " + m);
      assertEquals(500, 900 * w[TopicInstance.NEGATIVE], 1e-9, "mentioning " + m);
    }
  }
}
