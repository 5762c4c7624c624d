package org.topicline.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

class ExtractiveSummarizerTest {
  private static final SummarySettings SETTINGS = SummarySettings.from(TopiclineConf.defaults());
  private static final SummaryTokenizers TOKENIZERS = SummaryTokenizers.from(TopiclineConf.defaults(), SETTINGS);
  private static final String TITLE = "全省氢能产业发展大会召开";
  private static final String BODY = String.join("\n",
      "央视网消息（新闻联播）：全省氢能产业发展大会今天在郑州召开，会议部署加快氢能产业发展。",
      "会议指出，氢能是未来能源体系的重要组成部分，要加快氢能产业链建设，推动氢能在交通领域的应用。",
      "今年以来，全省建成加氢站12座，氢燃料电池汽车推广超过1000辆。",
      "与会代表还参观了氢能企业。",
      "会议要求，各地要抓好氢能产业发展规划落实，加强氢能关键技术攻关。",
      "（记者 张三）");

  private static ExtractiveSummarizer summarizer(int budget) {
    return new ExtractiveSummarizer(SETTINGS.withBudget(budget), TOKENIZERS);
  }

  @Test
  void sentenceTokensAreValidatedWithTheKeyNamed() {
    TopiclineConf words = TopiclineConf.load(null, Map.of("summary.sentence-tokens", "Words"));
    assertEquals(SummaryTokenizers.WORDS, SummarySettings.from(words).sentenceTokens());
    String text = "会议要求加快发展";
    assertEquals(org.topicline.text.TextAnalyzer.from(words).tokens(text),
        SummaryTokenizers.from(words, SummarySettings.from(words)).sentences().tokens(text));
    assertEquals(List.of("会议", "议要", "要求", "求加", "加快", "快发", "发展"), TOKENIZERS.sentences().tokens(text));
    ConfException e = assertThrows(ConfException.class,
        () -> SummarySettings.from(TopiclineConf.load(null, Map.of("summary.sentence-tokens", "chars"))));
    assertTrue(e.getMessage().contains("topicline.summary.sentence-tokens"), e.getMessage());
  }

  @Test
  void picksWholeSentencesInDocumentOrderWithinTheBudget() {
    ExtractiveSummarizer.Result r = summarizer(120).summarize(TITLE, BODY);
    int chars = r.summary().codePointCount(0, r.summary().length());
    assertTrue(chars <= 120, r.summary());
    assertFalse(r.sentences().isEmpty());
    List<Integer> idx = r.sentences().stream().map(ExtractiveSummarizer.Picked::index).toList();
    assertEquals(idx.stream().sorted().toList(), idx);
    assertTrue(r.sentences().size() <= SETTINGS.maxSentences());
    List<String> whole = SentenceSplitter.split(BODY).stream().map(SentenceSplitter.Sentence::text).toList();
    for (ExtractiveSummarizer.Picked p : r.sentences()) {
      assertTrue(whole.get(p.index()).endsWith(p.text()), p.text());
    }
  }

  @Test
  void stripsTheBroadcasterLeadInAndNeverPicksTheByline() {
    ExtractiveSummarizer.Result r = summarizer(120).summarize(TITLE, BODY);
    assertTrue(r.summary().startsWith("全省氢能产业发展大会今天在郑州召开"), r.summary());
    assertFalse(r.summary().contains("记者"), r.summary());
    assertFalse(r.summary().contains("央视网"), r.summary());
  }

  /** Real xwlb lead sentences that open with 记者 and hold a bracket or a colon early on. */
  static final String INVESTMENT = "记者今天（7月16日）从国家发展改革委了解到，今年上半年，国家发展改革委共审批核准固定资产投资项目94个，"
      + "总投资4715亿元，主要集中在能源、交通、高技术等行业。";
  static final String SPRING_FESTIVAL = "记者从交通运输部获悉：1月10日（春运首日）全国铁路、道路、水路、民航共发送旅客6960.9万人次，"
      + "比去年春运首日增长3%。";

  @Test
  void leadSentencesOpeningWithTheReporterArePickedAndBylinesAreNot() {
    List<String> bylines = List.of("（记者 张三）", "（新华社北京3月5日电）", "新华社记者 张金加摄", "本报驻埃及记者 周輖",
        "本报记者 王明峰 通讯员 王旭阳 整理", "责任编辑：王五", "制图：李栋（新华社发）", "图片由国家博物馆提供");
    ExtractiveSummarizer s = summarizer(10_000);
    for (String line : bylines) {
      assertTrue(s.isBoilerplate(line), line);
    }
    for (String lead : List.of(INVESTMENT, SPRING_FESTIVAL, "（记者）你觉得双方有可能达成停火吗？")) {
      assertFalse(s.isBoilerplate(lead), lead);
    }
    String body = String.join("\n", INVESTMENT, "新华社记者 张金加摄", SPRING_FESTIVAL, "（记者 张三）", "责任编辑：王五");
    assertEquals(List.of(INVESTMENT, SPRING_FESTIVAL),
        s.summarize(null, body).sentences().stream().map(ExtractiveSummarizer.Picked::text).toList());
  }

  @Test
  void leadInsEndAtADatelineNeverInsideAWord() {
    ExtractiveSummarizer s = summarizer(120);
    Map<String, String> cut = new java.util.LinkedHashMap<>();
    cut.put("央视网消息（新闻联播）：全省氢能产业发展大会今天召开。", "全省氢能产业发展大会今天召开。");
    cut.put("央视网消息：国务院办公厅日前印发意见。", "国务院办公厅日前印发意见。");
    cut.put("新华社北京3月4日电（记者 王五）党史学习教育动员大会今天在北京召开。", "党史学习教育动员大会今天在北京召开。");
    cut.put("新华社北京3月5日电 国务院总理今天作政府工作报告。", "国务院总理今天作政府工作报告。");
    cut.put("本报讯（记者 王五）全省氢能产业发展大会今天召开。", "全省氢能产业发展大会今天召开。");
    cut.put("本报北京1月11日电  （记者刘志强）记者从交通运输部获悉：春运开始。", "记者从交通运输部获悉：春运开始。");
    cut.put("本报北京1月5日电", "");
    cut.forEach((sentence, rest) -> assertEquals(rest, s.stripLeadIn(sentence), sentence));
    // 讯 of 通讯社 and 通讯员, 电 of 微电影: words, not datelines.
    for (String whole : List.of("新华社坚持走有通讯社特色的融合发展道路，加快实现“一次采集、N次加工、多元分发、全媒体覆盖”；",
        "新华社推出微电影《新生1949—2019》，以四个故事串起新中国的新生之旅。", "本报记者王明峰、通讯员王旭阳整理")) {
      assertEquals(whole, s.stripLeadIn(whole));
    }
    // The credit line is left whole, so it is a byline and never a cut-down candidate (员 王旭阳 整理).
    String body = INVESTMENT + "\n本报记者 王明峰 通讯员 王旭阳 整理";
    assertEquals(List.of(INVESTMENT), summarizer(10_000).summarize(null, body).sentences().stream()
        .map(ExtractiveSummarizer.Picked::text).toList());
  }

  @Test
  void aSmallBudgetStillGivesOneWholeSentence() {
    ExtractiveSummarizer.Result r = summarizer(10).summarize(TITLE, BODY);
    assertEquals(1, r.sentences().size());
    assertTrue(r.summary().endsWith("。"));
  }

  @Test
  void budgetAndCapLimitTheSentences() {
    ExtractiveSummarizer.Result r = summarizer(60).summarize(TITLE, BODY);
    int chars = r.sentences().stream().mapToInt(p -> p.text().length()).sum();
    assertTrue(chars <= 60, r.summary());
    assertFalse(r.sentences().isEmpty());
    // With room for the whole body, the cap on sentences is what stops it.
    assertEquals(SETTINGS.maxSentences(), summarizer(10_000).summarize(TITLE, BODY).sentences().size());
  }

  @Test
  void isDeterministic() {
    ExtractiveSummarizer.Result a = summarizer(120).summarize(TITLE, BODY);
    for (int i = 0; i < 3; i++) {
      assertEquals(a, summarizer(120).summarize(TITLE, BODY));
    }
  }

  @Test
  void tiesGoToTheEarlierSentence() {
    // Identical sentences score alike but for position; the first copy wins and MMR drops the repeat.
    ExtractiveSummarizer.Result r = summarizer(20).summarize(null, "天气晴朗适合出游。天气晴朗适合出游。天气晴朗适合出游。");
    assertEquals(List.of(0), r.sentences().stream().map(ExtractiveSummarizer.Picked::index).toList());
  }

  @Test
  void keywordsAreWeightedTermsOfTheArticle() {
    ExtractiveSummarizer.Result r = summarizer(120).summarize(TITLE, BODY);
    assertFalse(r.keywords().isEmpty());
    assertEquals(1.0, r.keywords().get(0).weight(), 1e-9);
    assertTrue(r.keywords().stream().anyMatch(k -> k.term().contains("氢")), r.keywords().toString());
  }

  @Test
  void emptyBodyGivesAnEmptySummaryAndTheTitlesKeywords() {
    for (String body : new String[] {"", null, "（记者 张三）"}) {
      ExtractiveSummarizer.Result r = summarizer(120).summarize(TITLE, body);
      assertEquals("", r.summary());
      assertTrue(r.sentences().isEmpty());
      assertTrue(r.keywords().stream().anyMatch(k -> k.term().contains("氢能")), r.keywords().toString());
    }
    assertTrue(summarizer(120).summarize(null, "").keywords().isEmpty());
  }

  @Test
  void leadTakesTheFirstSentencesWithinTheBudget() {
    assertEquals("一二三。四五六。", ExtractiveSummarizer.lead("一二三。四五六。七八九。", 8));
    assertEquals("一二三四五六七。", ExtractiveSummarizer.lead("一二三四五六七。八。", 3));
  }
}
