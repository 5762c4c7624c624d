package org.topicline.ingest.pagetext;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.topicline.Shared;
import org.topicline.sample.PageRenderer;
import org.topicline.sample.PageStories;

//@Tag("bench")
class PageEvalDevTest {
  static String k(String b) { String s = PageEval.squeeze(b); return s.substring(0, Math.min(12, s.length())); }
  static String ke(String b) { String s = PageEval.squeeze(b); return s.substring(Math.max(0, s.length() - 12)); }

  @Test
  void run() throws Exception {
    List<PageRenderer.Story> stories = Boolean.getBoolean("pd") ? PageStories.peoplesDaily(new Configuration(), Shared.data("peoples-daily").toString(), 6000)
        : PageStories.sample(new org.topicline.sample.SampleOptions(1, 2021, 20, 7), 6000);
    List<PageRenderer.Page> pages = PageStories.pages(stories, Integer.getInteger("pages", 1000), 7);
    PageEval.Tally t = new PageEval.Tally();
    int shown = 0;
    for (PageRenderer.Page p : pages) {
      List<PageStory> pred = PageSplitter.split(p.text());
      long before = t.boundaryHits + t.titleHits;
      PageEval.Tally one = new PageEval.Tally();
      PageEval.add(one, p, pred);
      PageEval.add(t, p, pred);
      if ((one.boundaryHits < one.truthStories || one.titleHits < one.truthStories || one.predictedStories != one.truthStories) && shown < Integer.getInteger("show", 2) && p.text().contains(System.getProperty("grep", ""))) {
        shown++;
        System.out.println("######## PAGE\n" + p.text());
        for (PageRenderer.TruthStory s : p.truth()) System.out.println("TRUTH " + s.title() + " | " + s.body().substring(0, Math.min(20, s.body().length())));
        for (PageStory s : pred) System.out.println("PRED  " + s.title() + " | " + s.body().substring(0, Math.min(20, s.body().length())) + " conf=" + s.segmentationConfidence());
      }
    }
    System.out.println(t.report());
    int fails = 0;
    for (PageRenderer.Page p : pages) {
      List<PageStory> pred = PageSplitter.split(p.text());
      java.util.Map<String, PageStory> by = new java.util.HashMap<>();
      for (PageStory s : pred) by.put(k(s.body()), s);
      for (PageRenderer.TruthStory s : p.truth()) {
        PageStory m = by.get(k(s.body()));
        String why = m == null ? "NOSTART" : !ke(m.body()).equals(ke(s.body())) ? "END" : !java.util.Objects.equals(PageEval.squeeze(m.title()), PageEval.squeeze(s.title())) ? "TITLE" : null;
        if (why != null && fails++ < Integer.getInteger("fails", 0)) {
          System.out.println(why + " truth=" + s.title() + " | " + k(s.body()) + " .. " + ke(s.body()) + (m == null ? "" : "  pred=" + m.title() + " | " + ke(m.body())));
        }
      }
    }
  }
}
