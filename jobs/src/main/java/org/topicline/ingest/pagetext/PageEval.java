package org.topicline.ingest.pagetext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.topicline.sample.PageRenderer;

/**
 * Measures the splitter against rendered pages with known truth.
 *
 * <p>A story is identified by where its body starts and ends (the first and last characters of its body, white
 * space ignored). A predicted story counts as a correct boundary when a true story starts and ends at the same
 * places: nothing of a neighbour leaked in and nothing of it leaked out at either end. Precision is over predicted
 * stories, recall over true ones. Title accuracy is over true stories: the story found at the same start must carry
 * exactly the printed title (white space ignored; a story printed without a headline must get none).
 */
public final class PageEval {
  private static final int KEY_CHARS = 12;

  private PageEval() {}

  /** Counts over many pages; {@link #add} one page at a time. */
  public static final class Tally {
    long pages;
    long truthStories;
    long predictedStories;
    long boundaryHits;
    long titled;
    long titleHits;
    long continuedTruth;
    long continuedHits;
    long photoTruth;
    long photoHits;

    public double precision() {
      return predictedStories == 0 ? 0 : (double) boundaryHits / predictedStories;
    }

    public double recall() {
      return truthStories == 0 ? 0 : (double) boundaryHits / truthStories;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double titleAccuracy() {
      return truthStories == 0 ? 0 : (double) titleHits / truthStories;
    }

    public String report() {
      return String.format(
          "pages %,d  true stories %,d  predicted %,d%n"
              + "story boundaries: precision %.4f  recall %.4f  F1 %.4f%n"
              + "exact title accuracy: %.4f (%,d of %,d true stories; %,d print a headline)%n"
              + "jump marks found: %,d of %,d   photo stories found: %,d of %,d",
          pages, truthStories, predictedStories, precision(), recall(), f1(), titleAccuracy(), titleHits,
          truthStories, titled, continuedHits, continuedTruth, photoHits, photoTruth);
    }
  }

  public static void add(Tally t, PageRenderer.Page page, List<PageStory> predicted) {
    t.pages++;
    t.truthStories += page.truth().size();
    t.predictedStories += predicted.size();
    // Stories on one page may open with the same words (two weather reports of one day): each true story is
    // matched to its own predicted story, one that also ends where it ends when there is one.
    Map<String, List<PageStory>> byStart = new HashMap<>();
    for (PageStory p : predicted) {
      byStart.computeIfAbsent(start(p.body()), k -> new ArrayList<>()).add(p);
    }
    for (PageRenderer.TruthStory s : page.truth()) {
      PageStory p = take(byStart.get(start(s.body())), end(s.body()));
      if (s.title() != null) {
        t.titled++;
      }
      if (s.continued()) {
        t.continuedTruth++;
      }
      if (s.photo()) {
        t.photoTruth++;
      }
      if (p == null) {
        continue;
      }
      if (end(p.body()).equals(end(s.body()))) {
        t.boundaryHits++;
      }
      if (Objects.equals(squeeze(p.title()), squeeze(s.title()))) {
        t.titleHits++;
      }
      if (s.continued() && p.continued()) {
        t.continuedHits++;
      }
      if (s.photo() && p.photo()) {
        t.photoHits++;
      }
    }
  }

  private static PageStory take(List<PageStory> candidates, String end) {
    if (candidates == null || candidates.isEmpty()) {
      return null;
    }
    for (int i = 0; i < candidates.size(); i++) {
      if (end(candidates.get(i).body()).equals(end)) {
        return candidates.remove(i);
      }
    }
    return candidates.remove(0);
  }

  static String squeeze(String s) {
    return s == null ? null : s.replaceAll("[\\s\\u00A0\\u3000]+", "");
  }

  private static String start(String body) {
    String s = squeeze(body);
    return s.substring(0, Math.min(KEY_CHARS, s.length()));
  }

  private static String end(String body) {
    String s = squeeze(body);
    return s.substring(Math.max(0, s.length() - KEY_CHARS));
  }
}
