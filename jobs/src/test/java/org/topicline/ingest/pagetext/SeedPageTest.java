package org.topicline.ingest.pagetext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicline.Shared;

class SeedPageTest {
  @Test
  void dump() throws Exception {
    Path p = Shared.require("seeds/000_45352f6f2302d1aa.txt");
    List<PageStory> stories = PageSplitter.split(Files.readString(p, StandardCharsets.UTF_8));
    for (PageStory s : stories) {
      System.out.println("=== " + s.title() + " | kicker=" + s.kicker() + " | sub=" + s.subtitle() + " | by=" + s.byline()
          + " | cont=" + s.continued() + " photo=" + s.photo() + " conf=" + s.segmentationConfidence());
      System.out.println(s.body());
    }
  }
}
