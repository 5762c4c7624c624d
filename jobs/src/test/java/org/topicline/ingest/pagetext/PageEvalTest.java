package org.topicline.ingest.pagetext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicline.sample.PageRenderer;

class PageEvalTest {
  private static final String RAIN_A = "受强冷空气影响，1月2日起青岚市将出现大风降温天气。\n青岚市气象台发布预警。";
  private static final String RAIN_B = "受强冷空气影响，1月2日起柳川市将出现大风降温天气。\n柳川市交通部门提醒注意安全。";

  private static PageRenderer.TruthStory truth(String title, String body) {
    return new PageRenderer.TruthStory(title, null, null, body, false, false);
  }

  private static PageStory predicted(String title, String body) {
    return new PageStory(title, null, null, null, body, false, false, 0.9);
  }

  @Test
  void storiesOpeningWithTheSameWordsAreEachMatchedToTheirOwn() {
    PageRenderer.Page page = new PageRenderer.Page("", List.of(truth("青岚市迎来降温", RAIN_A),
        truth("柳川市迎来降温", RAIN_B)));
    PageEval.Tally t = new PageEval.Tally();
    PageEval.add(t, page, List.of(predicted("青岚市迎来降温", RAIN_A), predicted("柳川市迎来降温", RAIN_B)));
    assertEquals(1.0, t.precision());
    assertEquals(1.0, t.recall());
    assertEquals(1.0, t.titleAccuracy());
  }

  @Test
  void aStoryRunningIntoTheNextIsABoundaryMissAndTheNextIsNotFound() {
    PageRenderer.Page page = new PageRenderer.Page("", List.of(truth("青岚市迎来降温", RAIN_A),
        truth("柳川市迎来降温", RAIN_B)));
    PageEval.Tally t = new PageEval.Tally();
    PageEval.add(t, page, List.of(predicted("青岚市迎来降温", RAIN_A + "\n" + RAIN_B)));
    assertEquals(0.0, t.precision());
    assertEquals(0.0, t.recall());
    assertEquals(0.5, t.titleAccuracy());
  }
}
