package org.topicline.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicline.ingest.IngestSettings;
import org.topicline.topics.TopicSettings;
import org.topicline.trends.TrendsSettings;

class TopiclineConfTest {
  @TempDir
  Path dir;

  @Test
  void cliOverridesWinOverTheFileWhichWinsOverDefaults() throws Exception {
    Path f = dir.resolve("my.conf");
    Files.writeString(f, "topicline.ingest.dedup.threshold = 0.7\ntopicline.ingest.min-body-chars = 5\n");
    TopiclineConf conf = TopiclineConf.load(f, Map.of("ingest.min-body-chars", "9"));
    assertEquals(0.7, conf.getDouble("ingest.dedup.threshold"));
    assertEquals(9, conf.getInt("ingest.min-body-chars"));
    assertEquals(TopiclineConf.defaults().getInt("ingest.dedup.bands"), conf.getInt("ingest.dedup.bands"));
  }

  @Test
  void aValueOutOfRangeNamesItsKeyAndFile() throws Exception {
    Path f = dir.resolve("bad.conf");
    Files.writeString(f, "topicline.ingest.dedup.threshold = 2.5\n");
    ConfException e = assertThrows(ConfException.class, () -> IngestSettings.from(TopiclineConf.load(f, Map.of())));
    assertEquals("topicline.ingest.dedup.threshold", e.key());
    assertTrue(e.getMessage().contains("bad.conf"), e.getMessage());
  }

  @Test
  void aValueOfTheWrongTypeNamesItsKey() {
    ConfException e = assertThrows(ConfException.class,
        () -> IngestSettings.from(TopiclineConf.load(null, Map.of("ingest.dedup.bands", "many"))));
    assertEquals("topicline.ingest.dedup.bands", e.key());
  }

  @Test
  void aFractionWhereAWholeNumberBelongsNamesItsKey() {
    ConfException e = assertThrows(ConfException.class,
        () -> TopicSettings.from(TopiclineConf.load(null, Map.of("train.max-iter", "2.5"))));
    assertEquals("topicline.train.max-iter", e.key());
    assertTrue(e.getMessage().contains("whole number") && e.getMessage().contains("2.5"), e.getMessage());
    assertEquals("topicline.sample.seed", assertThrows(ConfException.class,
        () -> TopiclineConf.load(null, Map.of("sample.seed", "7.5")).getLong("sample.seed")).key());
    assertEquals(2, TopiclineConf.load(null, Map.of("train.max-iter", "2.0")).getInt("train.max-iter"),
        "a whole number written with a point is still whole");
  }

  @Test
  void aBlankGenericFieldNameOrDefaultSourceNamesItsKey() {
    for (String key : new String[] {"ingest.generic.id", "ingest.generic.page", "ingest.generic.default-source"}) {
      for (String blank : new String[] {"", "\"\"", "\"  \""}) {
        ConfException e = assertThrows(ConfException.class,
            () -> IngestSettings.from(TopiclineConf.load(null, Map.of(key, blank))), key + "=" + blank);
        assertEquals("topicline." + key, e.key());
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
      }
    }
  }

  @Test
  void aRepeatedTrendGranularityNamesItsKey() {
    ConfException e = assertThrows(ConfException.class,
        () -> TrendsSettings.from(TopiclineConf.load(null, Map.of("trends.granularities", "[month, week, month]"))));
    assertEquals("topicline.trends.granularities", e.key());
    assertTrue(e.getMessage().contains("month twice"), e.getMessage());
    assertEquals(2, TrendsSettings.from(TopiclineConf.load(null, Map.of("trends.granularities", "[month, week]")))
        .granularities().size());
  }

  @Test
  void aBadTimeZoneNamesItsKey() {
    ConfException e = assertThrows(ConfException.class,
        () -> IngestSettings.from(TopiclineConf.load(null, Map.of("ingest.timezone", "Mars/Olympus"))));
    assertEquals("topicline.ingest.timezone", e.key());
  }

  @Test
  void aMissingConfFileIsNamed() {
    ConfException e = assertThrows(ConfException.class,
        () -> TopiclineConf.load(dir.resolve("nope.conf"), Map.of()));
    assertTrue(e.getMessage().contains("nope.conf"));
  }
}
