package org.topicline.report;

import static org.topicline.report.Html.escape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.topicline.io.Tables;
import org.topicline.report.ReviewData.ArticleLine;
import org.topicline.report.ReviewData.DigestLine;
import org.topicline.report.ReviewData.Metric;
import org.topicline.report.ReviewData.RejectCount;
import org.topicline.report.ReviewData.RunLine;
import org.topicline.report.ReviewData.SourceYear;
import org.topicline.report.ReviewData.TopicSection;
import org.topicline.topics.TrainJob;

/**
 * Renders {@link ReviewData} as one self-contained HTML page (inline CSS and SVG, no script, no external resource):
 * the topics at a glance, the corpus and its rejects, the latest runs, and per topic its trend, rising terms, most
 * confident articles with the evidence and summary, the articles nearest its threshold (what a reviewer labels to
 * check the threshold) and its latest digests.
 */
public final class ReviewHtml {
  /** The step that writes each optional table, for the "not written yet" notes. */
  private static final Map<String, String> WRITTEN_BY = Map.of(
      Tables.REJECTS, "ingest", Tables.RUNS, "any command", Tables.MODEL_METRICS, "train",
      Tables.TOPIC_SCORES, "score", Tables.SUMMARIES, "summarize", Tables.TOPIC_DIGESTS, "summarize (after score)",
      Tables.TOPIC_TRENDS, "trends", Tables.TOPIC_TERMS, "trends");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private static final String CSS = """
      body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
        margin:24px auto;max-width:1180px;color:#222;font-size:14px;line-height:1.45}
      h1{font-size:24px;margin:0 0 4px}
      h2{font-size:19px;border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:32px}
      h3{font-size:15px;margin:18px 0 6px}.meta,.note,small{color:#666}td.few{color:#aaa}
      table{border-collapse:collapse;margin:6px 0 12px;width:100%}
      th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
      th{background:#f4f4f4;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      tr.failed td{background:#fdecea}.yes{color:#1a7f37;font-weight:600}.no{color:#999}
      .ev{color:#555;font-size:12px}nav a{margin-right:14px}td.d{white-space:nowrap}figure{margin:8px 0}
      svg.trend{background:#fafafa;border:1px solid #eee}svg.trend text{font-size:11px;fill:#555}
      svg.trend .axis{stroke:#999;stroke-width:1}svg.trend polyline{fill:none}
      svg.trend .share{stroke:#c0392b;stroke-width:1.6}
      svg.trend .ma{stroke:#2c3e50;stroke-width:1.2;stroke-dasharray:4 3}
      svg.trend .burst{fill:#e67e22}
      """;

  private ReviewHtml() {}

  public static String render(ReviewData d) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Topicline review: ").append(escape(d.output())).append("</title><style>").append(CSS)
        .append("</style></head><body>\n");
    b.append("<header><h1>Topicline review</h1><p class=\"meta\">").append(escape(d.output()))
        .append(" · generated ").append(TIME.format(d.generatedAt()))
        .append(d.modelVersion() == null ? "" : " · model " + escape(d.modelVersion())).append("</p>");
    b.append("<nav><a href=\"#topics\">Topics</a><a href=\"#corpus\">Corpus</a><a href=\"#runs\">Runs</a>");
    d.topics().forEach(t -> b.append("<a href=\"#topic-").append(escape(t.id())).append("\">")
        .append(escape(t.displayName())).append("</a>"));
    b.append("</nav></header>\n");
    topics(b, d);
    corpus(b, d);
    runs(b, d.runs());
    d.topics().forEach(t -> topic(b, t));
    if (!d.missing().isEmpty()) {
      b.append("<footer><h2>Not written yet</h2><ul>");
      d.missing().forEach(t -> b.append("<li><code>").append(escape(t)).append("</code>: written by ")
          .append(escape(WRITTEN_BY.getOrDefault(t, "?"))).append("</li>"));
      b.append("</ul></footer>");
    }
    return b.append("\n</body></html>\n").toString();
  }

  private static void topics(StringBuilder b, ReviewData d) {
    b.append("<section id=\"topics\"><h2>Topics</h2>");
    if (d.topics().isEmpty()) {
      b.append("<p class=\"note\">No topic has been trained or scored yet.</p></section>\n");
      return;
    }
    b.append("<p class=\"note\">Labelled: original articles (reprints left out) the model labels. Precision, recall, ")
        .append("F1 and the AUCs are those of model ").append(escape(d.modelVersion()))
        .append(" (the newest that scored articles, else the newest trained), on its held-out split of weak ")
        .append("(seed-rule) labels; ")
        .append("<i>beyond rules</i>: articles the model labels that the seed rules alone do not. Figures over ")
        .append("fewer than ").append(TrainJob.MIN_HELD_OUT_POSITIVES).append(" held-out positives are greyed: ")
        .append("they measure little. The thresholds are chosen on the held-out split and the training folds, ")
        .append("each article scored by a model that did not see it (0.5 when they hold fewer than ")
        .append(TrainJob.MIN_HELD_OUT_POSITIVES).append(" positives).</p>");
    b.append("<table><tr><th>topic</th><th>labelled</th><th>of scored</th><th>share</th><th>held-out positives</th>")
        .append("<th>precision</th>")
        .append("<th>recall</th><th>F1</th><th>ROC AUC</th><th>PR AUC</th><th>threshold</th><th>rules</th>")
        .append("<th>model</th><th>beyond rules</th></tr>");
    for (TopicSection t : d.topics()) {
      Metric m = t.metric();
      b.append("<tr><td><a href=\"#topic-").append(escape(t.id())).append("\">").append(escape(t.displayName()))
          .append("</a> <small>").append(escape(t.id())).append("</small></td>")
          .append(num(t.labelled())).append(num(t.scored()))
          .append("<td class=\"n\">").append(t.scored() == 0 ? "" : TrendChart.percent((double) t.labelled()
              / t.scored())).append("</td>");
      if (m == null) {
        b.append("<td colspan=\"10\" class=\"note\">no metrics for this model</td>");
      } else {
        String figure = m.support() < TrainJob.MIN_HELD_OUT_POSITIVES ? "n few" : "n";
        b.append(num(m.support())).append(dec(m.precision(), figure)).append(dec(m.recall(), figure))
            .append(dec(m.f1(), figure)).append(dec(m.rocAuc(), figure)).append(dec(m.prAuc(), figure))
            .append(dec(m.threshold())).append(num(m.rulePositives()))
            .append(num(m.modelPositives())).append(num(m.beyondRules()));
      }
      b.append("</tr>");
    }
    b.append("</table></section>\n");
  }

  private static void corpus(StringBuilder b, ReviewData d) {
    ReviewData.Corpus c = d.corpus();
    b.append("<section id=\"corpus\"><h2>Corpus</h2><p>")
        .append(String.format(Locale.ROOT, "%,d articles (%,d of them reprints) and %,d rejected records.",
            c.articles(), c.reprints(), c.rejected()))
        .append("</p><h3>Articles per source and year</h3><table><tr><th>source</th><th>year</th>")
        .append("<th>articles</th><th>reprints</th></tr>");
    for (SourceYear s : c.sourceYears()) {
      b.append("<tr><td>").append(escape(s.source())).append("</td>").append(num(s.year(), false))
          .append(num(s.articles())).append(num(s.reprints())).append("</tr>");
    }
    b.append("</table><h3>Rejects per reason</h3>");
    if (c.rejects().isEmpty()) {
      b.append("<p class=\"note\">None.</p>");
    } else {
      b.append("<table><tr><th>reason</th><th>records</th><th>first example</th><th>detail</th></tr>");
      for (RejectCount r : c.rejects()) {
        b.append("<tr><td>").append(escape(r.reason())).append("</td>").append(num(r.count())).append("<td>")
            .append(escape(r.exampleLocation())).append("</td><td>").append(escape(r.exampleDetail()))
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("</section>\n");
  }

  private static void runs(StringBuilder b, List<RunLine> runs) {
    b.append("<section id=\"runs\"><h2>Latest runs</h2>");
    if (runs.isEmpty()) {
      b.append("<p class=\"note\">No runs table.</p></section>\n");
      return;
    }
    b.append("<table><tr><th>started</th><th>command</th><th>status</th><th>seconds</th><th>read</th>")
        .append("<th>articles written</th><th>rejected</th><th>message</th></tr>");
    for (RunLine r : runs) {
      b.append("<tr").append("failed".equals(r.status()) ? " class=\"failed\"" : "").append("><td>")
          .append(r.startedAt() == null ? "" : TIME.format(r.startedAt())).append("</td><td>")
          .append(escape(r.command())).append("</td><td>").append(escape(r.status())).append("</td>")
          .append("<td class=\"n\">").append(r.startedAt() == null || r.finishedAt() == null ? ""
              : String.format(Locale.ROOT, "%.1f",
                  (r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli()) / 1000.0)).append("</td>")
          .append(num(r.recordsRead())).append(num(r.articlesWritten())).append(num(r.rejected()))
          .append("<td>").append(escape(r.message())).append("</td></tr>");
    }
    b.append("</table></section>\n");
  }

  private static void topic(StringBuilder b, TopicSection t) {
    b.append("<section class=\"topic\" id=\"topic-").append(escape(t.id())).append("\"><h2>")
        .append(escape(t.displayName())).append(" <small>").append(escape(t.id())).append("</small></h2>");
    b.append("<p>").append(String.format(Locale.ROOT, "%,d of %,d scored articles labelled", t.labelled(),
        t.scored())).append(t.metric() == null ? "" : " (threshold " + fmt(t.metric().threshold()) + ")")
        .append(".</p>");
    if (!t.trend().isEmpty()) {
      b.append("<figure>").append(TrendChart.svg(t.displayName() + ": monthly share", t.trend()))
          .append("<figcaption class=\"note\">Monthly share of articles labelled, all sources (solid), its moving ")
          .append("average (dashed), bursts (dots).</figcaption></figure>");
    }
    if (!t.risingTerms().isEmpty()) {
      b.append("<p><b>Rising terms ").append(t.termsMonth().toString(), 0, 7).append(":</b> ")
          .append(escape(String.join("、", t.risingTerms()))).append("</p>");
    }
    b.append("<h3>Most confident</h3>");
    articles(b, t.top(), true);
    b.append("<h3>Nearest the threshold</h3><p class=\"note\">The scored articles whose probability lies closest ")
        .append("to the threshold, either side: label them by the rubric to check where the threshold sits. ")
        .append("<i>rules</i>: the seed rules' reading. The model labels only what they read as positive or ")
        .append("ambiguous, so articles they read as a passing mention or a negative, whose label the threshold ")
        .append("does not decide, are left out here.</p>");
    articles(b, t.review(), false);
    if (!t.digests().isEmpty()) {
      b.append("<h3>Latest digests</h3><dl>");
      for (DigestLine g : t.digests()) {
        b.append("<dt>").append(escape(g.period())).append(String.format(Locale.ROOT, " · %,d articles",
            g.articles())).append("</dt><dd>").append(escape(g.digest())).append("</dd>");
      }
      b.append("</dl>");
    }
    b.append("</section>\n");
  }

  private static void articles(StringBuilder b, List<ArticleLine> lines, boolean withSummary) {
    if (lines.isEmpty()) {
      b.append("<p class=\"note\">None.</p>");
      return;
    }
    b.append("<table><tr><th>date</th><th>source</th><th>title</th><th>probability</th><th>label</th>")
        .append("<th>rules</th><th>evidence</th>").append(withSummary ? "<th>summary</th>" : "").append("</tr>");
    for (ArticleLine a : lines) {
      b.append("<tr><td class=\"d\">").append(a.pubDate()).append("</td><td>").append(escape(a.source()))
          .append("</td><td>")
          .append(escape(a.title())).append(" <small>").append(escape(a.articleId())).append("</small></td>")
          .append(dec(a.probability())).append("<td class=\"").append(a.label() ? "yes\">yes" : "no\">no")
          .append("</td><td>").append(a.rules() == null ? "" : escape(a.rules()))
          .append("</td><td class=\"ev\">").append(escape(String.join(" · ", a.evidence()))).append("</td>");
      if (withSummary) {
        b.append("<td>").append(escape(a.summary())).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</table>");
  }

  private static String num(long v) {
    return num(v, true);
  }

  private static String num(long v, boolean grouped) {
    return "<td class=\"n\">" + (grouped ? String.format(Locale.ROOT, "%,d", v) : Long.toString(v)) + "</td>";
  }

  private static String dec(Double v) {
    return dec(v, "n");
  }

  private static String dec(Double v, String cssClass) {
    return "<td class=\"" + cssClass + "\">" + (v == null ? "n/a" : fmt(v)) + "</td>";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
