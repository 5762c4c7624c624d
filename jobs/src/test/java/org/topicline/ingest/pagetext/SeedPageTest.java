package org.topicline.ingest.pagetext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topicline.Shared;

/** The real 濮阳日报 front page in ../shared/seeds: the hard case the splitter is built for. */
class SeedPageTest {
  private static List<PageStory> stories;

  @BeforeAll
  static void split() throws Exception {
    String page = Files.readString(Shared.require("seeds/000_45352f6f2302d1aa.txt"), StandardCharsets.UTF_8);
    stories = PageSplitter.split(page);
  }

  private static PageStory titled(String title) {
    return stories.stream().filter(s -> title.equals(s.title())).findFirst()
        .orElseThrow(() -> new AssertionError("no story titled " + title + " in " + titles()));
  }

  private static String titles() {
    return stories.stream().map(PageStory::title).collect(Collectors.toList()).toString();
  }

  @Test
  void storiesComeOutSeparatelyWithTheirPrintedTitles() {
    assertEquals(6, stories.size(), titles());
    PageStory xuanjiang = titled("省委宣讲团莅濮宣讲党的二十大精神");
    assertEquals("本报讯（记者段利梅）", xuanjiang.byline());
    assertTrue(xuanjiang.body().startsWith("11月16日，学习贯彻党的二十大精神省委宣讲团报告会在濮阳迎宾馆举行。"));
    assertTrue(xuanjiang.body().contains("又讯（记者王庆红）11月16日下午"));
    assertTrue(xuanjiang.body().endsWith("推动文旅产业高质量发展。"));

    PageStory zhengxie = titled("市政协八届四十二次主席会议召开");
    assertEquals("本报讯（记者樊欣欣）", zhengxie.byline());
    assertTrue(zhengxie.body().endsWith("以委员读书活动推动“书香政协”“书香濮阳”建设。"));

    PageStory g20 = titled("让数字经济发展成果造福各国人民");
    assertEquals("二十国集团领导人第十七次峰会继续举行，习近平出席并发言", g20.kicker());
    assertEquals("据新华社印度尼西亚巴厘岛11月16日电", g20.byline());
    assertTrue(g20.body().endsWith("二十国集团领导人峰会欢迎晚宴。"));

    PageStory interview = titled("当好经济发展参谋助手 积极贡献发改力量");
    assertEquals("本报记者 樊欣欣", interview.byline());
    assertEquals("访市发展改革委党组书记、主任马世国", interview.subtitle());
    assertTrue(interview.body().endsWith("羽绒及服饰等传统产业改造升级。"));
  }

  @Test
  void photoStoryIsItsOwnArticle() {
    PageStory photo = titled("“氢”装上阵");
    assertTrue(photo.photo());
    assertEquals("环卫车", photo.kicker());
    assertEquals("本报记者 高崟人 通讯员 边祖勇 摄", photo.byline());
    assertTrue(photo.body().startsWith("华龙区环卫局大力推动氢能源在环卫领域的推广应用"));
    assertTrue(photo.body().endsWith("工作人员驾驶氢能源扫地车在东濮路清扫作业。"));
  }

  @Test
  void noBodyTextOfOneStoryEndsUpInAnother() {
    String[][] owned = {
        {"省委宣讲团莅濮宣讲党的二十大精神", "李庚香还深入位于开发区"},
        {"市政协八届四十二次主席会议召开", "委员读书活动是近年来"},
        {"让数字经济发展成果造福各国人民", "一要坚持多边主义"},
        {"“氢”装上阵", "氢能源扫地车"},
        {"当好经济发展参谋助手 积极贡献发改力量", "提质赋能，推动制造业高质量发展"},
    };
    for (String[] o : owned) {
      for (PageStory s : stories) {
        boolean mine = o[0].equals(s.title());
        assertEquals(mine, s.body().contains(o[1]), "'" + o[1] + "' in story " + s.title());
      }
    }
    PageStory untitled = stories.stream().filter(s -> s.title() == null).findFirst().orElseThrow();
    assertTrue(untitled.body().startsWith("习近平总书记2020年在浙江考察时指出"));
    // Its section subheads stay inside it.
    assertTrue(untitled.body().contains("\n数字政府\n基础框架初步形成\n"));
    assertTrue(untitled.body().contains("\n智慧城市建设\n为经济发展插上翅膀\n"));
    assertTrue(untitled.segmentationConfidence() < 0.5);
  }

  @Test
  void jumpMarksSetContinued() {
    assertTrue(titled("当好经济发展参谋助手 积极贡献发改力量").continued());
    assertTrue(stories.get(stories.size() - 1).continued(), "the page's last story jumps to another page");
    assertFalse(titled("市政协八届四十二次主席会议召开").continued());
    for (PageStory s : stories) {
      assertFalse(s.body().contains("下转"), "jump mark left in the body of " + s.title());
    }
  }
}
