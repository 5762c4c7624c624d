package org.topicline.ingest.pagetext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small pages, one per byline form and layout case, written as an extractor would give them. */
class PageSplitterTest {
  private static final String OTHER = """

      区域协调发展

      本报讯（记者 李明） 近日，全市区域协调发展
      推进会召开。会议总结了前一阶段的工作，部
      署了下一步的重点任务。
      """;

  @Test
  void benbaoxunBylineOpensTheStoryAndLeavesTheBody() {
    List<PageStory> s = PageSplitter.split("""
        市政协八届四十二次主席会议召开

        本报讯 （记者 樊欣欣 ） 11月 16
        日，市政协党组书记、主席徐慧前主持
        召开市政协八届四十二次主席会议。
        """ + OTHER);
    assertEquals(2, s.size());
    assertEquals("市政协八届四十二次主席会议召开", s.get(0).title());
    assertEquals("本报讯（记者樊欣欣）", s.get(0).byline());
    assertEquals("11月16日，市政协党组书记、主席徐慧前主持召开市政协八届四十二次主席会议。", s.get(0).body());
    assertEquals("区域协调发展", s.get(1).title());
    assertEquals("本报讯（记者李明）", s.get(1).byline());
  }

  @Test
  void xinhuaDatelineIsTheBylineEvenWhenItWraps() {
    List<PageStory> s = PageSplitter.split("""
        据新华社印度尼西亚巴厘岛 11 月
        16 日电 当地时间 11月 16日，二十国
        集团领导人第十七次峰会在印度尼西
        亚巴厘岛继续举行。

        让数字经济发展成果造福各国人民
        """);
    assertEquals(1, s.size());
    assertEquals("据新华社印度尼西亚巴厘岛11月16日电", s.get(0).byline());
    assertEquals("让数字经济发展成果造福各国人民", s.get(0).title());
    assertTrue(s.get(0).body().startsWith("当地时间11月16日，二十国集团"));
  }

  @Test
  void reporterBylineOnItsOwnLineAndDashSubtitleBelongToTheHeadline() {
    List<PageStory> s = PageSplitter.split("""
        “项目为王”，强力扩大有效投资。坚持把
        项目建设作为经济工作的主抓手。

        （下转第二版）

        当好经济发展参谋助手 积极贡献发改力量

        本报记者 樊欣欣

        ———访市发展改革委党组书记、主任马世国
        """ + OTHER);
    assertEquals(2, s.size());
    PageStory first = s.get(0);
    assertEquals("当好经济发展参谋助手 积极贡献发改力量", first.title());
    assertEquals("本报记者 樊欣欣", first.byline());
    assertEquals("访市发展改革委党组书记、主任马世国", first.subtitle());
    assertTrue(first.continued());
    assertFalse(s.get(1).continued());
  }

  @Test
  void youxunFollowUpStaysInItsStoryAndOpensOneWhenFirst() {
    List<PageStory> s = PageSplitter.split("""
        本报讯（记者 段利梅） 11月16日，学习贯彻
        党的二十大精神省委宣讲团报告会举行。

        又讯（记者 王庆红） 11月 16日下午，省委宣
        讲团一行到濮阳县调研文旅产业发展情况。

        省委宣讲团莅濮宣讲党的二十大精神
        """ + OTHER);
    assertEquals(2, s.size());
    assertEquals("省委宣讲团莅濮宣讲党的二十大精神", s.get(0).title());
    assertTrue(s.get(0).body().contains("又讯（记者王庆红）11月16日下午"));

    List<PageStory> alone = PageSplitter.split("""
        文旅产业调研

        又讯（记者 王庆红） 11月 16日下午，省委宣
        讲团一行到濮阳县调研文旅产业发展情况。
        """);
    assertEquals("又讯（记者王庆红）", alone.get(0).byline());
  }

  @Test
  void photoStoryIsItsOwnArticleWithTheCreditAsByline() {
    List<PageStory> s = PageSplitter.split(OTHER + """

        环 卫 车

        “氢”装上阵

        华龙区环卫局大力推动氢能源在环卫领域的推广应用，新引进氢能源扫地车，真正做到
        了零排放、零污染。 图为 11 月 15 日，工作人员驾驶氢能源扫地车在东濮路清扫作业。

        本报记者 高崟人 通讯员 边祖勇 摄
        """);
    assertEquals(2, s.size());
    PageStory photo = s.get(1);
    assertTrue(photo.photo());
    assertEquals("“氢”装上阵", photo.title());
    assertEquals("环卫车", photo.kicker());
    assertEquals("本报记者 高崟人 通讯员 边祖勇 摄", photo.byline());
    assertTrue(photo.body().endsWith("工作人员驾驶氢能源扫地车在东濮路清扫作业。"));
  }

  @Test
  void storyWithoutHeadlineIsKeptWithLowConfidence() {
    List<PageStory> s = PageSplitter.split("""
        （上接第一版）

        深入实施“宽带濮阳”战略，全市传输光
        缆达到7万公里，实现城区、乡镇光纤全
        覆盖。
        """ + OTHER);
    assertEquals(2, s.size());
    assertNull(s.get(0).title());
    assertTrue(s.get(0).segmentationConfidence() < 0.5);
    assertTrue(s.get(0).body().startsWith("深入实施“宽带濮阳”战略"));
    assertEquals("区域协调发展", s.get(1).title());
  }

  @Test
  void datelineFillingItsOwnLineIsStillTheByline() {
    List<PageStory> s = PageSplitter.split("""
        全市区域协调发展推进会召开

        本报讯（记者 李明）

        近日，全市区域协调发展推进会召
        开。会议总结了前一阶段的工作，部署
        了下一步的重点任务。
        """);
    assertEquals(1, s.size());
    assertEquals("本报讯（记者李明）", s.get(0).byline());
    assertEquals("近日，全市区域协调发展推进会召开。会议总结了前一阶段的工作，部署了下一步的重点任务。",
        s.get(0).body());
  }

  @Test
  void headlinesSetTogetherBetweenTwoStoriesAreCutBetweenThem() {
    // The first story prints its headline after it, the second before it: the two meet between the bodies.
    List<PageStory> s = PageSplitter.split("""
        本报讯（记者 李明） 近日，全市区域协调发
        展推进会召开。会议总结了前一阶段的工作，
        部署了下一步的重点任务。

        区域协调发展推进会召开

        春耕备耕有序推进

        本报讯（记者 张华） 连日来，各地农民抢
        抓农时开展春耕备耕，农技人员深入田间地
        头指导春耕生产。
        """);
    assertEquals(2, s.size());
    assertEquals("区域协调发展推进会召开", s.get(0).title());
    assertNull(s.get(0).kicker());
    assertEquals("春耕备耕有序推进", s.get(1).title());
  }

  @Test
  void twoStoriesMeetingWithNothingBetweenAreCutWhereTheirHeadlinesFit() {
    // A headline before the first story, one after the second, and neither a byline nor a headline between them.
    List<PageStory> s = PageSplitter.split("""
        城市书房全天开放

        本报讯（记者 李明） 近日，市图书馆新增
        十个城市书房，市民可全天自助借阅图书。
        城市书房设在社区和公园附近，方便市民
        就近阅读。
        1月8日，全市春耕备耕工作会议召开，会
        议部署农田水利建设和农资储备工作。农
        技人员将深入田间地头指导春耕生产。

        春耕备耕工作会议召开
        """);
    assertEquals(2, s.size());
    assertEquals("城市书房全天开放", s.get(0).title());
    assertTrue(s.get(0).body().endsWith("方便市民就近阅读。"));
    assertEquals("春耕备耕工作会议召开", s.get(1).title());
    assertTrue(s.get(1).body().startsWith("1月8日，全市春耕备耕工作会议召开"));
    assertTrue(s.get(1).segmentationConfidence() < s.get(0).segmentationConfidence());
  }

  @Test
  void shortHeadlineBeforeAnotherStorysLeadIsAHeadlineNotASubhead() {
    List<PageStory> s = PageSplitter.split("""
        本报讯（记者 李明） 近日，市图书馆新增
        十个城市书房，市民可全天自助借阅图书。

        城市书房全天开放

        1月8日，全市春耕备耕工作会议召开，会
        议部署农田水利建设和农资储备工作。

        春耕备耕会议召开
        """);
    assertEquals(2, s.size());
    assertEquals("城市书房全天开放", s.get(0).title());
    assertEquals("春耕备耕会议召开", s.get(1).title());
  }

  @Test
  void shortHeadlinesInsideOneStoryAreSectionSubheads() {
    List<PageStory> s = PageSplitter.split("""
        城市书房全天开放

        本报讯（记者 李明） 近日，市图书馆新增
        十个城市书房，市民可全天自助借阅图书。

        书房进社区

        城市书房设在社区和公园附近，市民可全
        天自助借阅图书，已接待读者三万人次。
        """);
    assertEquals(1, s.size());
    assertEquals("城市书房全天开放", s.get(0).title());
    assertTrue(s.get(0).body().contains("\n书房进社区\n"));
  }

  @Test
  void aBlankLineInsideAPhotoCaptionDoesNotMakeItAHeadline() {
    List<PageStory> s = PageSplitter.split("""
        区域协调发展

        本报讯（记者 李明） 近日，全市区域协调发展
        推进会召开。会议总结了前一阶段的工作，部
        署了下一步的重点任务，要求各县区对照目标
        任务逐项推进，确保各项工作落地见效，推动
        城乡融合发展取得新进展，让发展成果更多更
        公平惠及全市人民群众。

        “氢”装上阵

        华龙区环卫局大力推动氢能源在环卫领域的推广应用，新引进

        氢能源扫地车，真正做到了零排放、零污染。 图为工作人员驾驶扫地车在东濮路清扫作业。

        边祖勇 摄
        """);
    assertEquals(2, s.size());
    PageStory photo = s.get(1);
    assertTrue(photo.photo());
    assertEquals("“氢”装上阵", photo.title());
    assertTrue(photo.body().startsWith("华龙区环卫局大力推动氢能源"));
  }

  @Test
  void aFirstLineFollowedByAFullLineIsNotASecondHeadline() {
    // A blank line after the first line of a paragraph leaves it standing alone under the headline; the full line
    // after it shows that a paragraph runs on.
    List<PageStory> s = PageSplitter.split("""
        春耕备耕有序推进

        应邀来访的省农业专家团队一行十八人1

        月8日抵达全市各地，农技人员深入田间地头
        指导春耕生产，确保粮食生产稳定增长。
        各地农民抢抓农时开展春耕备耕，农资供应
        充足，农业机械检修到位，田间管理有序。
        """);
    assertEquals(1, s.size());
    assertEquals("春耕备耕有序推进", s.get(0).title());
    assertNull(s.get(0).kicker());
    assertTrue(s.get(0).body().startsWith("应邀来访的省农业专家团队一行十八人1月8日抵达全市各地"));
  }

  @Test
  void photoTitleOverAWideCaptionWhoseLastLineStandsApart() {
    List<PageStory> s = PageSplitter.split("""
        区域协调发展

        本报讯（记者 李明） 近日，全市区域协调发展
        推进会召开。会议总结了前一阶段的工作，部
        署了下一步的重点任务，要求各县区对照目标
        任务逐项推进，确保各项工作落地见效。

        环 卫 车

        “氢”装上阵

        11月15日，工作人员驾驶氢能源扫地车在东濮路清扫作业，做到了零排

        放、零污染。

        边祖勇 摄
        """);
    assertEquals(2, s.size());
    PageStory photo = s.get(1);
    assertTrue(photo.photo());
    assertEquals("“氢”装上阵", photo.title());
    assertEquals("环卫车", photo.kicker());
    assertEquals("11月15日，工作人员驾驶氢能源扫地车在东濮路清扫作业，做到了零排放、零污染。", photo.body());
    assertEquals("区域协调发展", s.get(0).title());
  }

  @Test
  void photoTitleInANarrowColumnIsTheLineOverTheWideCaption() {
    List<PageStory> s = PageSplitter.split("""
        区域协调发展

        本报讯（记者 李明） 近日，全
        市区域协调发展推进会召开。会
        议总结了前一阶段的工作，部署
        了下一步的重点任务，要求各县
        区对照目标任务逐项推进。

        东屿食品新生产线投产

        今年以来，东屿食品新生产线投产，企业年产值可增加二十亿元。

        张华 摄
        """);
    assertEquals(2, s.size());
    assertEquals("东屿食品新生产线投产", s.get(1).title());
    assertTrue(s.get(1).body().startsWith("今年以来"));
    assertTrue(s.get(0).body().endsWith("逐项推进。"));
  }

  @Test
  void headlineAfterAStoryIsNotTakenAsTheNextPhotosKicker() {
    List<PageStory> s = PageSplitter.split("""
        本报讯（记者 李明） 近日，全市区域协调发展
        推进会召开。会议总结了前一阶段的工作，部
        署了下一步的重点任务，要求各县区对照目标
        任务逐项推进，确保各项工作落地见效。

        区域协调发展推进会召开

        “氢”装上阵

        工作人员驾驶氢能源扫地车在东濮路清扫作业，做到了零排放、零污染。

        边祖勇 摄
        """);
    assertEquals(2, s.size());
    assertEquals("区域协调发展推进会召开", s.get(0).title());
    assertTrue(s.get(1).photo());
    assertEquals("“氢”装上阵", s.get(1).title());
    assertNull(s.get(1).kicker());
  }

  @Test
  void headlinesAsWideAsTheColumnSetOnePerLineBetweenStories() {
    // Kicker and title after the first story, then the second story's headline and byline line: each line stands
    // alone, so the full line after a headline is not taken for a paragraph running on.
    List<PageStory> s = PageSplitter.split("""
        本报讯（记者 李明） 今年以来
        ，全市外贸进出口保持增长，累
        计进出口总额同比增长百分之六
        ，民营企业进出口增长明显。

        高质量发展

        全市外贸进出口总额再创新高

        全市累计建成五千多个通信基站

        本报记者 樊欣欣

        记者从市工业和信息化局获悉
        ，全市累计建成通信基站五千多
        个，实现城区和乡镇全覆盖。
        """);
    assertEquals(2, s.size());
    assertEquals("全市外贸进出口总额再创新高", s.get(0).title());
    assertEquals("高质量发展", s.get(0).kicker());
    assertEquals("全市累计建成五千多个通信基站", s.get(1).title());
    assertEquals("本报记者 樊欣欣", s.get(1).byline());
  }
}
