package org.topicline.topics;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configured topic: its id and display name, the seed rules that weakly label the corpus and gate the model's
 * labels, and the decision threshold (null: chosen on held-out data).
 *
 * <p>The rules follow the labelling rubric: a topic is a main subject when the headline is about it or about a
 * third of the text is. So a sentence is "about the topic" when it holds one of {@code terms} or one term of each
 * list of a cue pair (a digital means and a government service, say); {@code headlineTerms} mark a headline about
 * it; {@code against} is the rubric's "not this topic" vocabulary (the digital economy for digital government,
 * discipline cases for party study); {@code exclude} rules an article out altogether (hydrogen bombs);
 * {@code subjectPatterns} are regular expressions for a body sentence that states the article's main subject (a
 * meeting whose main content is studying party documents): such a topic sentence makes a weak positive and opens
 * the gate as a headline term does, but unlike a headline term it does not overrule the against terms.
 *
 * @param positiveShare weak positive: at least this share of the body's characters is in topic sentences
 * @param positiveMentions ... and at least this many topic sentences (the headline counts as one): in a short
 *     broadcast item one long sentence with a formula in it can be half the text without the item being about it
 * @param negativeShare weak negative: no topic sentence in the headline and less than this share
 * @param againstShare weak negative: this share of the body is in "against" sentences and the headline has no
 *     headline term
 * @param minMentions the model may label an article only when the topic has at least this many sentences in it
 *     (the headline counts as one): a passing mention is not a main subject, whatever the words around it
 */
public record TopicSpec(
    String id,
    String displayName,
    List<String> headlineTerms,
    List<String> terms,
    List<CuePair> cuePairs,
    List<String> against,
    List<String> exclude,
    List<String> subjectPatterns,
    double positiveShare,
    int positiveMentions,
    double negativeShare,
    double againstShare,
    int minMentions,
    Double threshold) implements Serializable {

  /** Two term lists: a sentence with a term of each is about the topic. */
  public record CuePair(List<String> first, List<String> second) implements Serializable {}

  /** The rules as stored in a model's metadata, so that scoring gates labels exactly as at training time. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("headline_terms", headlineTerms);
    m.put("terms", terms);
    m.put("cue_pairs", cuePairs.stream().map(p -> List.of(p.first(), p.second())).toList());
    m.put("against", against);
    m.put("exclude", exclude);
    m.put("subject_patterns", subjectPatterns);
    m.put("positive_share", positiveShare);
    m.put("positive_mentions", positiveMentions);
    m.put("negative_share", negativeShare);
    m.put("against_share", againstShare);
    m.put("min_mentions", minMentions);
    return m;
  }

  static TopicSpec fromJson(String id, String displayName, com.fasterxml.jackson.databind.JsonNode m,
      Double threshold) {
    List<CuePair> pairs = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode p : m.path("cue_pairs")) {
      pairs.add(new CuePair(strings(p.get(0)), strings(p.get(1))));
    }
    return new TopicSpec(id, displayName, strings(m.path("headline_terms")), strings(m.path("terms")), pairs,
        strings(m.path("against")), strings(m.path("exclude")), strings(m.path("subject_patterns")),
        m.path("positive_share").asDouble(), m.path("positive_mentions").asInt(1), m.path("negative_share").asDouble(),
        m.path("against_share").asDouble(), m.path("min_mentions").asInt(), threshold);
  }

  private static List<String> strings(com.fasterxml.jackson.databind.JsonNode a) {
    List<String> out = new java.util.ArrayList<>();
    if (a != null) {
      a.forEach(x -> out.add(x.asText()));
    }
    return out;
  }
}
