package org.topicline.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.topicline.io.DataPaths;

/**
 * Writes the sample corpus as newspaper pages for {@code ingest --input page-text:DIR/pages}:
 * <pre>
 * OUTPUT/pages/YYYY-MM-DD/page-NN.txt   one extracted page (date and page number in the path)
 * OUTPUT/truth/pages.jsonl              per page: file, and its stories in order (title, kicker, byline, body,
 *                                       continued, photo)
 * </pre>
 */
public final class PageWriter {
  public static final String PAGES_DIR = "pages";
  public static final String TRUTH_FILE = "truth/pages.jsonl";
  private static final int PAGES_PER_DAY = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  private PageWriter() {}

  public record Result(String output, int pages, long stories) {
    public String summary() {
      return String.format("generate-sample: wrote %,d pages with %,d stories to %s/%s (truth in %s/%s)", pages,
          stories, output, PAGES_DIR, output, TRUTH_FILE);
    }
  }

  public static Result write(Configuration hadoop, String output, SampleOptions options, int count)
      throws IOException {
    List<PageRenderer.Story> stories = PageStories.sample(options, count * 6);
    List<PageRenderer.Page> pages = PageStories.pages(stories, count, options.seed());
    Path root = new Path(output);
    FileSystem fs = root.getFileSystem(hadoop);
    fs.delete(new Path(root, PAGES_DIR), true);
    long storyCount = 0;
    StringBuilder truth = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      LocalDate day = options.firstDay().plusDays(i / PAGES_PER_DAY);
      String file = PAGES_DIR + "/" + day + String.format("/page-%02d.txt", i % PAGES_PER_DAY + 1);
      PageRenderer.Page page = pages.get(i);
      DataPaths.writeBytes(fs, new Path(root, file), page.text().getBytes(StandardCharsets.UTF_8));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("file", file);
      row.put("stories", page.truth());
      truth.append(JSON.writeValueAsString(row)).append('\n');
      storyCount += page.truth().size();
    }
    DataPaths.writeBytes(fs, new Path(root, TRUTH_FILE), truth.toString().getBytes(StandardCharsets.UTF_8));
    return new Result(output, pages.size(), storyCount);
  }
}
