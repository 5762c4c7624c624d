package org.topicline.topics;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One configured topic: its id and display name, the seed rules that weakly label the corpus (weighted terms,
 * title weight, exclusions, weak-label thresholds) and the decision threshold (null: chosen on held-out data).
 */
public record TopicSpec(
    String id,
    String displayName,
    LinkedHashMap<String, Double> terms,
    List<String> exclude,
    double titleWeight,
    double titleScore,
    double bodyScore,
    double minDensity,
    double negativeScore,
    Double threshold) implements Serializable {}
