package org.topicline.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.topicline.ingest.pagetext.PageEval;
import org.topicline.ingest.pagetext.PageSplitter;
import org.topicline.sample.PageRenderer;
import org.topicline.sample.PageStories;
import org.topicline.sample.SampleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval-pages}: renders stories onto newspaper pages with known truth and measures the page-text splitter on
 * them (story boundary precision, recall and F1, exact-title accuracy). Pure per-page work on the driver, no Spark.
 */
@Command(name = "eval-pages", mixinStandardHelpOptions = true,
    description = {
        "Lays out stories as extracted page text (columns, broken lines, inserted spaces, headlines before or after"
            + " their stories, bylines, jump marks, photo stories) and measures the page-text splitter against"
            + " the known truth."})
public final class EvalPagesCommand implements Callable<Integer> {
  @Option(names = "--pages", paramLabel = "N", defaultValue = "1000", description = "Pages to render (default 1000).")
  int pages;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Random seed of the layout.")
  long seed;

  @Option(names = "--stories", paramLabel = "SOURCE", defaultValue = "sample",
      description = "sample (the generate-sample corpus, default) or a folder of People's Daily article files"
          + " (e.g. ../shared/data/peoples-daily): real headlines over real bodies.")
  String stories;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (pages < 1) {
      System.err.println("topicline eval-pages: --pages must be at least 1");
      return 2;
    }
    List<PageRenderer.Story> source;
    try {
      // Enough stories that pages rarely repeat one: about five stories a page.
      int wanted = pages * 6;
      source = "sample".equals(stories)
          ? PageStories.sample(new SampleOptions(1, 2021, Math.min(SampleOptions.MAX_PER_DAY,
              Math.max(1, wanted / 365 + 1)), seed), wanted)
          : PageStories.peoplesDaily(new Configuration(), stories, wanted);
      if (source.size() < 8) {
        System.err.println("topicline eval-pages: only " + source.size() + " usable stories in " + stories);
        return 2;
      }
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("topicline eval-pages: cannot read stories from " + stories + ": " + e.getMessage());
      return 2;
    }
    PageEval.Tally tally = new PageEval.Tally();
    for (PageRenderer.Page page : PageStories.pages(source, pages, seed)) {
      PageEval.add(tally, page, PageSplitter.split(page.text()));
    }
    System.out.println("eval-pages --pages " + pages + " --seed " + seed + " --stories " + stories);
    System.out.println(tally.report());
    return 0;
  }
}
