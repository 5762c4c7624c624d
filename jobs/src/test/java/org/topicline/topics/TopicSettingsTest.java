package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

class TopicSettingsTest {
  @TempDir
  Path dir;

  private ConfException failure(String confText) throws Exception {
    Path f = dir.resolve("bad.conf");
    Files.writeString(f, confText);
    return assertThrows(ConfException.class, () -> TopicSettings.from(TopiclineConf.load(f, Map.of())));
  }

  @Test
  void defaultsDefineTheThreeTopics() {
    TopicSettings s = TopicSettings.from(TopiclineConf.defaults());
    assertEquals(List.of("digital_government", "hydrogen_energy", "party_study"),
        s.topics().stream().map(TopicSpec::id).toList());
    TopicSpec h2 = s.topics().get(1);
    assertEquals("氢能", h2.displayName());
    assertEquals(List.of("氢弹"), h2.exclude());
    assertNull(h2.threshold());
  }

  @Test
  void aFourthTopicIsConfOnly() throws Exception {
    Path f = dir.resolve("more.conf");
    Files.writeString(f, "topicline.topics.rural_revitalisation { display-name = 乡村振兴\n"
        + "terms = [乡村振兴, 鄉村建設]\n threshold = 0.6 }\n");
    TopicSettings s = TopicSettings.from(TopiclineConf.load(f, Map.of()));
    TopicSpec t = s.topics().stream().filter(x -> x.id().equals("rural_revitalisation")).findFirst().orElseThrow();
    assertEquals(0.6, t.threshold());
    assertEquals(List.of("乡村振兴", "乡村建设"), t.terms(), "terms are normalised like the text they match");
    assertEquals(t.terms(), t.headlineTerms(), "headline terms default to the terms");
    assertEquals(2, t.minMentions(), "inherited from topic-defaults");
    assertEquals(4, s.topics().size());
  }

  @Test
  void aTopicWithoutRulesNamesItsKey() throws Exception {
    ConfException e = failure("topicline.topics.empty_topic { display-name = 空 }\n");
    assertTrue(e.getMessage().contains("topicline.topics.empty_topic.terms"), e.getMessage());
  }

  @Test
  void aBadThresholdNamesItsKey() throws Exception {
    ConfException e = failure("topicline.topics.party_study.threshold = 1.5\n");
    assertTrue(e.getMessage().contains("topicline.topics.party_study.threshold"), e.getMessage());
    e = failure("topicline.topics.party_study.threshold = often\n");
    assertTrue(e.getMessage().contains("topicline.topics.party_study.threshold"), e.getMessage());
  }

  @Test
  void badRuleValuesNameTheirKeys() throws Exception {
    ConfException e = failure("topicline.topics.party_study.terms = [党建, \"  \"]\n");
    assertTrue(e.getMessage().contains("topicline.topics.party_study.terms"), e.getMessage());
    e = failure("topicline.topics.party_study.weak-labels.positive-share = 1.5\n");
    assertTrue(e.getMessage().contains("topicline.topics.party_study.weak-labels.positive-share"), e.getMessage());
    e = failure("topicline.topics.party_study.min-mentions = 0\n");
    assertTrue(e.getMessage().contains("topicline.topics.party_study.min-mentions"), e.getMessage());
    e = failure("topicline.topics.party_study.cue-pairs = [{ first = [学习] }]\n");
    assertTrue(e.getMessage().contains("topicline.topics.party_study.cue-pairs.0"), e.getMessage());
    e = failure("topicline.topics.party_study.subject-patterns = [\"主要内容是(学习\"]\n");
    assertTrue(e.getMessage().contains("topicline.topics.party_study.subject-patterns"), e.getMessage());
    assertTrue(e.getMessage().contains("主要内容是(学习"), e.getMessage());
    e = failure("topicline.topics.party_study.subject-patterns = [\" \"]\n");
    assertTrue(e.getMessage().contains("topicline.topics.party_study.subject-patterns"), e.getMessage());
  }

  @Test
  void theRulesRoundTripThroughAModelsMetadata() throws Exception {
    // Scoring gates labels with the rules stored in metadata.json, so every rule must survive the trip.
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (TopicSpec t : TopicSettings.from(TopiclineConf.defaults()).topics()) {
      TopicSpec back = TopicSpec.fromJson(t.id(), t.displayName(),
          json.readTree(json.writeValueAsString(t.toMap())), t.threshold());
      assertEquals(t, back);
    }
    assertEquals(1, TopicSettings.from(TopiclineConf.defaults()).topics().stream()
        .filter(t -> t.id().equals("party_study")).findFirst().orElseThrow().subjectPatterns().size());
  }

  @Test
  void aBadMentioningNegativeShareNamesItsKey() throws Exception {
    assertEquals(0.5, TopicSettings.from(TopiclineConf.defaults()).train().mentioningNegativeShare());
    ConfException e = failure("topicline.train.mentioning-negative-share = 1.2\n");
    assertTrue(e.getMessage().contains("topicline.train.mentioning-negative-share"), e.getMessage());
  }

  @Test
  void inconsistentWeakLabelSharesNameTheKey() throws Exception {
    ConfException e = failure("topicline.topics.party_study.weak-labels { negative-share = 0.5 }\n");
    assertTrue(e.getMessage().contains("topicline.topics.party_study.weak-labels.negative-share"), e.getMessage());
  }
}
