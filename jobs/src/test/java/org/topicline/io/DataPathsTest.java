package org.topicline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPathsTest {
  @Test
  void aSmallFileOnTheLocalFileSystemIsWrittenWithoutACrcAndReplacesAStaleOne(@TempDir Path dir) throws Exception {
    String uri = DataPaths.normalise(dir.resolve("manifest.json").toString());
    FileSystem fs = DataPaths.fileSystem(new Configuration(), uri);
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
    // As Hadoop's own create leaves it: the file and a .crc beside it.
    try (FSDataOutputStream out = fs.create(p, true)) {
      out.write("{\"old\": true}".getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(Files.exists(dir.resolve(".manifest.json.crc")));

    DataPaths.writeBytes(fs, p, "{\"new\": true, \"longer\": 1}".getBytes(StandardCharsets.UTF_8));
    assertFalse(Files.exists(dir.resolve(".manifest.json.crc")), "no .crc beside a file people open");
    // A stale .crc left beside the new content would fail this read with a ChecksumException.
    try (var in = fs.open(p)) {
      assertEquals("{\"new\": true, \"longer\": 1}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }
}
