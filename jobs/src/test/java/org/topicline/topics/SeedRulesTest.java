package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicline.conf.TopiclineConf;

/** The default topics' seed rules on hand-written rows, one rubric case each. */
class SeedRulesTest {
  private static final TopicSettings S = TopicSettings.from(TopiclineConf.defaults());

  private static TopicSpec topic(String id) {
    return S.topics().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aHeadlineAboutTheTopicIsPositive() {
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("digital_government"),
        "上海推进“一网通办”改革", "市民办事更方便了。"));
  }

  @Test
  void aBodyMostlyAboutTheTopicIsPositive() {
    String body = "加氢站建成投用。氢燃料电池汽车加注只需几分钟。配套的制氢项目同步开工。当地规划建设产业园。";
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("hydrogen_energy"), "新能源车跑起来", body));
  }

  @Test
  void aCuePairMakesATopicSentence() {
    String body = "市民在手机上就能办理社保事项。企业在线提交登记材料。群众通过小程序预约办事。窗口排队的人少了。";
    SeedRules.Score s = SeedRules.score(topic("digital_government"), "办事更方便", body);
    assertEquals(3, s.mentions(), "only the sentences with a digital means and a government service count");
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("digital_government"), s));
  }

  @Test
  void inThePalmIsATopicTermOnlyAsAService() {
    SeedRules.Score idiom = SeedRules.score(topic("digital_government"), "祖国的“掌上明珠”澳门",
        "澳门是祖国的掌上明珠。澳门经济稳步发展。");
    assertEquals(0, idiom.mentions(), "掌上明珠 is an idiom");
    SeedRules.Score service = SeedRules.score(topic("digital_government"), "医保业务掌上办",
        "参保人在手机上就能办理医保事项。");
    assertEquals(2, service.mentions(), "掌上办 is a term");
  }

  @Test
  void oneLongSentenceWithTheTopicInItIsNotAThirdOfTheText() {
    // A short broadcast item opening with a study formula, then about something else.
    String body = "会议强调，要深入学习贯彻党的二十大精神，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，"
        + "加快构建新发展格局，着力推动高质量发展。会议部署了安全生产工作。";
    SeedRules.Score s = SeedRules.score(topic("party_study"), "国务院召开常务会议", body);
    assertTrue(s.share() >= topic("party_study").positiveShare(), "the one sentence is most of the text");
    assertNotEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("party_study"), s));
  }

  @Test
  void hydrogenChemistryIsNotHydrogenEnergy() {
    // The rubric: "chemistry unrelated to energy" is not hydrogen energy, even where 氢 meets 产业 or 电池.
    SeedRules.Score s = SeedRules.score(topic("hydrogen_energy"), "参观氢氧化锂公司和未来产业中心",
        "总理参观氢氧化锂生产线。该公司生产电池材料。");
    assertEquals(SeedRules.NEGATIVE, SeedRules.weakLabel(topic("hydrogen_energy"), s));
    assertFalse(SeedRules.mayLabel(topic("hydrogen_energy"), s));
  }

  @Test
  void aPassingMentionIsNegativeAndMayNotBeLabelled() {
    String body = "今年经济运行总体平稳。".repeat(30) + "各地发展氢能等新兴产业。";
    SeedRules.Score s = SeedRules.score(topic("hydrogen_energy"), "经济运行总体平稳", body);
    assertEquals(SeedRules.NEGATIVE, SeedRules.weakLabel(topic("hydrogen_energy"), s));
    assertFalse(SeedRules.mayLabel(topic("hydrogen_energy"), s), "one mention is below min-mentions");
  }

  @Test
  void aLongArticleWithAFewPassingMentionsMayNotBeLabelled() {
    // Two mentions pass min-mentions, but they are a small share of a long text about something else.
    String body = "今年经济运行总体平稳。".repeat(40) + "各地发展氢能产业。加氢站建设提速。";
    SeedRules.Score s = SeedRules.score(topic("hydrogen_energy"), "经济运行总体平稳", body);
    assertEquals(2, s.mentions());
    assertEquals(SeedRules.NEGATIVE, SeedRules.weakLabel(topic("hydrogen_energy"), s));
    assertFalse(SeedRules.mayLabel(topic("hydrogen_energy"), s), "the rules' confident negatives stay negative");
  }

  @Test
  void aTopicBetweenPassingAndMainIsLeftOut() {
    String body = "今年经济运行总体平稳。".repeat(6) + "各地推进一网通办。群众办事少跑腿，政务服务更便利。";
    assertEquals(SeedRules.AMBIGUOUS, SeedRules.weakLabel(topic("digital_government"), "经济运行总体平稳", body));
  }

  @Test
  void theReadingSaysWhyTheModelMayNotLabel() {
    TopicSpec gov = topic("digital_government");
    SeedRules.Reading ambiguous = SeedRules.reading(gov, SeedRules.score(gov, "经济运行总体平稳",
        "今年经济运行总体平稳。".repeat(6) + "各地推进一网通办。群众办事少跑腿，政务服务更便利。"));
    assertEquals(SeedRules.Reading.AMBIGUOUS, ambiguous);
    // Not a small share of this short text, but one sentence: below min-mentions.
    SeedRules.Reading passing = SeedRules.reading(gov, SeedRules.score(gov, "天气晴朗",
        "各地推进一网通办。" + "今天天气晴朗。".repeat(3)));
    assertEquals(SeedRules.Reading.PASSING, passing);
    // One mention in a long text: the rules' confident negative, which wins over passing.
    SeedRules.Reading negative = SeedRules.reading(gov, SeedRules.score(gov, "经济运行总体平稳",
        "今年经济运行总体平稳。".repeat(30) + "各地推进一网通办。"));
    assertEquals(SeedRules.Reading.NEGATIVE, negative);
    SeedRules.Reading positive = SeedRules.reading(topic("hydrogen_energy"), SeedRules.score(topic("hydrogen_energy"),
        "新能源车跑起来", "加氢站建成投用。氢燃料电池汽车加注只需几分钟。配套的制氢项目同步开工。当地规划建设产业园。"));
    assertEquals(SeedRules.Reading.POSITIVE, positive);
    assertEquals(List.of(true, true, false, false), List.of(positive.mayLabel(), ambiguous.mayLabel(),
        passing.mayLabel(), negative.mayLabel()));
    assertEquals(List.of("positive", "ambiguous", "passing", "negative"), List.of(positive.column(),
        ambiguous.column(), passing.column(), negative.column()));
  }

  @Test
  void noMentionIsNegative() {
    assertEquals(SeedRules.NEGATIVE, SeedRules.weakLabel(topic("party_study"), "台风登陆福建", "台风带来强降雨。"));
  }

  @Test
  void exclusionsWin() {
    SeedRules.Score s = SeedRules.score(topic("hydrogen_energy"), "我国第一颗氢弹爆炸成功", "氢弹 氢能。氢能。");
    assertEquals(SeedRules.NEGATIVE, SeedRules.weakLabel(topic("hydrogen_energy"), s));
    assertFalse(SeedRules.mayLabel(topic("hydrogen_energy"), s));
  }

  @Test
  void disciplineCasesAreNotPartyStudy() {
    String body = "中央纪委国家监委通报违反八项规定精神问题。各级党组织要严肃执纪。";
    assertEquals(SeedRules.NEGATIVE, SeedRules.weakLabel(topic("party_study"), "中央纪委通报典型问题", body));
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("party_study"), "纪检干部深入开展主题教育", body),
        "a headline naming a study campaign still wins");
  }

  @Test
  void aWorkStyleEducationCampaignIsPartyStudy() {
    // The rubric's study campaigns include those about the work-style rules (the mass-line campaign of 2013-14, the
    // 八项规定 study campaign of 2025): there 八项规定 and 四风 are what the party studies, not a discipline case.
    String body = "各单位深入开展党的群众路线教育实践活动。对照“四风”问题，领导干部带头查摆。"
        + "坚持贯彻落实中央八项规定精神，边学边查边改。党员干部逐项整改群众反映的问题。";
    SeedRules.Score s = SeedRules.score(topic("party_study"), "到群众中去：查摆“四风”问题", body);
    assertEquals(0.0, s.againstShare(), "八项规定 and 四风 are not against terms");
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("party_study"), s));
    assertEquals(SeedRules.POSITIVE,
        SeedRules.weakLabel(topic("party_study"), "中直机关推进教育实践活动", "会议在京召开。"),
        "the campaign's name is a headline term");
  }

  @Test
  void aMeetingWhoseStatedMainContentIsStudyIsPartyStudy() {
    // The rubric's "meetings whose main content is conveying and studying party documents": a short report of a
    // plenum says so in one sentence and has no headline term.
    String body = "某党派中央委员会全体会议今天在北京开幕。会议的主要内容是，深入学习贯彻中共中央全会精神，"
        + "听取和审议常务委员会工作报告。\n主席代表常务委员会作工作报告，常务副主席主持开幕式。";
    SeedRules.Score s = SeedRules.score(topic("party_study"), "某党派全会在京开幕", body);
    assertTrue(s.subjectStated());
    assertFalse(s.headlineTerm());
    assertEquals(1, s.mentions(), "one topic sentence: a passing mention by count alone");
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("party_study"), s));
    assertEquals(SeedRules.Reading.POSITIVE, SeedRules.reading(topic("party_study"), s));

    // The same sentence without the statement of main content is a mention, not the subject.
    SeedRules.Score mention = SeedRules.score(topic("party_study"), "某党派全会在京开幕",
        body.replace("会议的主要内容是，", "会议指出，"));
    assertFalse(mention.subjectStated());
    assertEquals(SeedRules.Reading.PASSING, SeedRules.reading(topic("party_study"), mention));
    // The pattern holds only in a topic sentence, and only for the topic that configures it.
    assertFalse(SeedRules.score(topic("party_study"), "博览会开幕", "展会的主题是学习型城市建设。").subjectStated());
    assertFalse(SeedRules.score(topic("digital_government"), "某党派全会在京开幕", body).subjectStated());
  }

  @Test
  void aDisciplinePlenumStudyingDocumentsStaysNegative() {
    String body = "纪委全体会议在京召开。这次全会的主要任务是，深入学习贯彻中央全会精神，部署纪检监察工作。"
        + "会议通报了违纪违法案件，强调监督执纪问责。";
    SeedRules.Score s = SeedRules.score(topic("party_study"), "纪委全会召开", body);
    assertTrue(s.subjectStated());
    assertEquals(SeedRules.NEGATIVE, SeedRules.weakLabel(topic("party_study"), s),
        "against terms in the headline still win over a stated subject, as over everything but a headline term");
  }

  @Test
  void aFormulaOpenerDoesNotMakeAHeadlineAboutPartyStudy() {
    SeedRules.Score s = SeedRules.score(topic("party_study"), "学习贯彻重要讲话精神 推动协同发展",
        "协同发展取得新成效。".repeat(10));
    assertFalse(s.headlineTerm(), "学习贯彻 is a topic term in the body but not a headline term");
    assertNotEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("party_study"), s));
  }

  @Test
  void fullWidthAndTraditionalTextMatches() {
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("party_study"), "深入開展黨史學習教育", ""));
  }

  @Test
  void sentencesEndAtStopsAndLineBreaks() {
    assertEquals(List.of("一。", "二！", "三?", "四", "五"), SeedRules.sentences("一。二！三?\n四\n\n五"));
    assertTrue(SeedRules.sentences("").isEmpty());
    // Through the rules' own normalisation too: paragraphs without a full stop are sentences of their own.
    SeedRules.Text text = SeedRules.Text.of("标题", "推进数字政府建设\n数字政府让办事更方便\n建设数字政府\n今天天气晴朗。");
    assertEquals(4, text.sentences().size(), text.sentences().toString());
    assertEquals(3, SeedRules.score(topic("digital_government"), text).mentions());
  }
}
