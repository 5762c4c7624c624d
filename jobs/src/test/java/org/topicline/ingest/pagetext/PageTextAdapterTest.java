package org.topicline.ingest.pagetext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.IngestSettings;
import org.topicline.ingest.InputFormats;
import org.topicline.ingest.ParsedRecord;
import org.topicline.ingest.RejectReason;

class PageTextAdapterTest {
  private static final String PAGE = """
      市政协八届四十二次主席会议召开

      本报讯 （记者 樊欣欣 ） 11月 16
      日，市政协党组书记、主席徐慧前主持
      召开市政协八届四十二次主席会议。

      区域协调发展

      本报讯（记者 李明） 近日，全市区域协调发展
      推进会召开。会议总结了前一阶段的工作。

      （下转第二版）
      """;

  private final PageTextAdapter adapter = new PageTextAdapter(PageTextSettings.DEFAULTS);

  @Test
  void oneRecordPerStoryWithIdsPageAndDateFromThePath() {
    List<ParsedRecord> rs = adapter.parse("file:/data/pages/2022-11-17/pyrb-page-01.txt",
        PAGE.getBytes(StandardCharsets.UTF_8));
    assertEquals(2, rs.size());
    ParsedRecord first = rs.get(0);
    assertTrue(first.isArticle());
    assertEquals("page-text", first.getSource());
    assertEquals("2022-11-17/pyrb-page-01.txt#0", first.getSourceId());
    assertEquals("file:/data/pages/2022-11-17/pyrb-page-01.txt#0", first.getLocation());
    assertEquals(LocalDate.of(2022, 11, 17), first.getPubDate());
    assertEquals(1, first.getPage());
    assertEquals("市政协八届四十二次主席会议召开", first.getTitle());
    assertEquals("本报讯（记者樊欣欣）", first.getByline());
    assertEquals(false, first.getContinued());
    assertTrue(rs.get(1).getContinued());
    assertEquals("2022-11-17/pyrb-page-01.txt#1", rs.get(1).getSourceId());
  }

  @Test
  void gb18030PagesAreDecoded() {
    List<ParsedRecord> rs = adapter.parse("file:/p/20221117_p3.txt", PAGE.getBytes(Charset.forName("GB18030")));
    assertEquals("区域协调发展", rs.get(1).getTitle());
    assertEquals(3, rs.get(1).getPage());
    assertEquals(LocalDate.of(2022, 11, 17), rs.get(1).getPubDate());
  }

  @Test
  void dateFromTheTextThenFromConfElseRejected() {
    String dated = "濮阳日报 2022年11月17日 星期四\n" + PAGE;
    assertEquals(LocalDate.of(2022, 11, 17),
        adapter.parse("file:/p/page.txt", dated.getBytes(StandardCharsets.UTF_8)).get(0).getPubDate());

    PageTextAdapter withConf = new PageTextAdapter(new PageTextSettings("pyrb", LocalDate.of(2022, 11, 18)));
    ParsedRecord r = withConf.parse("file:/p/page.txt", PAGE.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(LocalDate.of(2022, 11, 18), r.getPubDate());
    assertEquals("pyrb", r.getSource());
    assertNull(r.getPage());

    List<ParsedRecord> rejected = adapter.parse("file:/p/page.txt", PAGE.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, rejected.size());
    assertEquals(RejectReason.NO_DATE, rejected.get(0).getReason());
  }

  @Test
  void registeredAsAnInputFormatWithSettingsFromConf() {
    TopiclineConf conf = TopiclineConf.load(null, java.util.Map.of("ingest.page-text.date", "2022-11-17"));
    IngestSettings settings = IngestSettings.from(conf);
    assertTrue(InputFormats.NAMES.contains("page-text"));
    ParsedRecord r = InputFormats.adapter("page-text", settings)
        .parse("file:/p/page.txt", PAGE.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(LocalDate.of(2022, 11, 17), r.getPubDate());
  }
}
