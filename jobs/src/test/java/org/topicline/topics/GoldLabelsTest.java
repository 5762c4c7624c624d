package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GoldLabelsTest {
  private static final Set<String> TOPICS = Set.of("digital_government", "party_study");

  @Test
  void aSourceIdLabelIsKeyedByItsSourceToo() {
    assertEquals(java.util.List.of(new GoldLabels.Label(GoldLabels.sourceKey("xwlb", "s1"), "party_study", 1),
            new GoldLabels.Label(GoldLabels.sourceKey("peoples-daily", "s1"), "party_study", 0)),
        GoldLabels.csv("gold.csv",
            "source,source_id,topic,label\nxwlb,s1,party_study,1\npeoples-daily,s1,party_study,0\n", TOPICS));
  }

  @Test
  void aSourceIdWithoutItsSourceNamesFileAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoldLabels.jsonl("gold.jsonl",
        "{\"article_id\": \"a1\", \"party_study\": 1}\n{\"source_id\": \"s1\", \"party_study\": 1}\n", TOPICS));
    assertTrue(e.getMessage().startsWith("gold.jsonl:2: ") && e.getMessage().contains("source"), e.getMessage());
  }

  @Test
  void anUnknownTopicNamesFileAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoldLabels.csv("gold.csv",
        "article_id,topic,label\na1,party_study,1\na2,party_stduy,1\n", TOPICS));
    assertTrue(e.getMessage().startsWith("gold.csv:3: unknown topic party_stduy"), e.getMessage());
    // In the wide form every column but the item's is a topic.
    e = assertThrows(IllegalArgumentException.class, () -> GoldLabels.jsonl("gold.jsonl",
        "{\"source\": \"xwlb\", \"source_id\": \"s1\", \"file\": \"f\", \"party_studdy\": 1}\n", TOPICS));
    assertTrue(e.getMessage().startsWith("gold.jsonl:1: unknown topic party_studdy"), e.getMessage());
  }

  @Test
  void conflictingLinesNameBothAndAgreeingOnesCountOnce() {
    String agreeing = "{\"article_id\": \"a1\", \"topic\": \"party_study\", \"label\": 1}\n"
        + "{\"article_id\": \"a2\", \"party_study\": 0}\n"
        + "{\"article_id\": \"a1\", \"party_study\": \"yes\"}\n";
    assertEquals(java.util.List.of(new GoldLabels.Label("a1", "party_study", 1),
        new GoldLabels.Label("a2", "party_study", 0)), GoldLabels.jsonl("gold.jsonl", agreeing, TOPICS));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoldLabels.jsonl("gold.jsonl",
        agreeing + "{\"article_id\": \"a1\", \"party_study\": 0}\n", TOPICS));
    assertTrue(e.getMessage().startsWith("gold.jsonl:1 and gold.jsonl:4: a1 is labelled both 1 and 0"),
        e.getMessage());
  }

  @Test
  void evaluationItemsAreCheckedAsTrainingLabelsAre() {
    String line1 = "{\"source\": \"xwlb\", \"file\": \"xwlb/2021/20210609.json.gz\", \"source_id\": \"s1\", "
        + "\"digital_government\": 0, \"party_study\": 1}\n";
    String line2 = "{\"source\": \"peoples-daily\", \"file\": \"pd/a.txt\", \"source_id\": \"s1\", "
        + "\"party_study\": 0}\n";
    // The same source id in two sources is two items; a repeat that agrees (and adds a topic) is one.
    String repeat = "{\"source\": \"peoples-daily\", \"file\": \"pd/a.txt\", \"source_id\": \"s1\", "
        + "\"digital_government\": 1, \"party_study\": 0}\n";
    assertEquals(java.util.List.of(
            new GoldLabels.Item("xwlb", "xwlb/2021/20210609.json.gz", "s1",
                java.util.Map.of("digital_government", 0, "party_study", 1)),
            new GoldLabels.Item("peoples-daily", "pd/a.txt", "s1",
                java.util.Map.of("digital_government", 1, "party_study", 0))),
        GoldLabels.items("labels.jsonl", line1 + line2 + repeat, TOPICS));
    // A misspelt topic column would leave its topic out of macro-F1 unnoticed.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoldLabels.items("labels.jsonl",
        line1 + line2.replace("party_study", "party_studdy"), TOPICS));
    assertTrue(e.getMessage().startsWith("labels.jsonl:2: unknown topic party_studdy"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GoldLabels.items("labels.jsonl",
        line1 + line2 + line2.replace("\"party_study\": 0", "\"party_study\": 1"), TOPICS));
    assertTrue(e.getMessage().startsWith("labels.jsonl:2 and labels.jsonl:3: peoples-daily s1 is labelled both"),
        e.getMessage());
  }
}
