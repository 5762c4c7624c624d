package org.topicline.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

class SparksTest {
  private static TopiclineConf with(String key, String value) {
    return TopiclineConf.load(null, Map.of(key, value));
  }

  @Test
  void aBadLogLevelNamesItsKeyAndAnyCaseOfAGoodOneIsAccepted() {
    ConfException e = assertThrows(ConfException.class, () -> Sparks.check(with("spark.log-level", "LOUD"), null));
    assertEquals("topicline.spark.log-level", e.key());
    assertTrue(e.getMessage().contains("LOUD") && e.getMessage().contains("--set"), e.getMessage());
    assertEquals("debug", Sparks.logLevel(with("spark.log-level", "debug")));
  }

  @Test
  void aBadMasterNamesWhereItWasSet() {
    ConfException e = assertThrows(ConfException.class, () -> Sparks.check(with("spark.master", "nonsense"), null));
    assertEquals("topicline.spark.master", e.key());
    assertTrue(e.getMessage().contains("nonsense"), e.getMessage());
    assertEquals("--master", assertThrows(ConfException.class,
        () -> Sparks.check(TopiclineConf.defaults(), "local[0]"), "Spark refuses zero threads").key());
    assertEquals("--master", assertThrows(ConfException.class,
        () -> Sparks.check(TopiclineConf.defaults(), "mesos://host:5050"), "Mesos is gone in Spark 4").key());
    for (String good : new String[] {"local", "local[2]", "local[*]", "local[4, 3]", "local-cluster[2,1,1024]",
        "spark://host:7077", "yarn", "k8s://https://host:6443"}) {
      assertEquals(good, assertDoesNotThrow(() -> Sparks.master(TopiclineConf.defaults(), good)));
    }
  }

  @Test
  void aCommandWithABadSparkSettingStopsBeforeSparkStartsNamingTheKey() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = Topicline.commandLine().execute("trends", "--output", "unused", "--set", "spark.master=nonsense");
    } finally {
      System.setErr(err);
    }
    assertEquals(2, exit);
    String message = captured.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("bad conf: topicline.spark.master"), message);
  }

  @Test
  void hadoopSettingsOfTheSparkConfReachCommandsThatStartNoSpark(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s3.conf");
    Files.writeString(file, "topicline.spark.conf {\n"
        + "  \"spark.hadoop.fs.s3a.endpoint\" = \"http://127.0.0.1:9000\"\n"
        + "  \"spark.hadoop.fs.s3a.path.style.access\" = true\n"
        + "  spark.sql.shuffle.partitions = 8\n"
        + "}\n");
    Configuration hadoop = Sparks.hadoopConfiguration(TopiclineConf.load(file, Map.of()));
    assertEquals("http://127.0.0.1:9000", hadoop.get("fs.s3a.endpoint"));
    assertEquals("true", hadoop.get("fs.s3a.path.style.access"));
    assertNull(hadoop.get("spark.sql.shuffle.partitions"), "only spark.hadoop.* keys are Hadoop's");
    assertNull(hadoop.get("sql.shuffle.partitions"));
  }
}
