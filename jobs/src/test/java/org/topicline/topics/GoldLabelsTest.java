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
}
