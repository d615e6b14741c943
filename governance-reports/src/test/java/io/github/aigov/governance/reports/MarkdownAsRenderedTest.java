package io.github.aigov.governance.reports;

import static io.github.aigov.governance.reports.Samples.V2;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.ItemStatus;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * The Markdown papers as a Markdown viewer shows them (CommonMark with GitHub's tables): emphasis
 * that really is emphasis, also next to Japanese punctuation; lists and tables that really are lists
 * and tables; and raw HTML, which the renderer passes through, never coming from a profile. (GitHub's
 * footnotes are checked as text: their CommonMark extension is not available to this build.)
 */
class MarkdownAsRenderedTest {
    static final List<Extension> GFM = List.of(TablesExtension.create());
    static final Parser PARSER = Parser.builder().extensions(GFM).build();
    static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(GFM).build(); // raw HTML passes through

    static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void specificationClausesAreListsWithMarkedRecommendationsAndFootnotes() {
        Decision d = Samples.decision("seabis-help-chat");
        String html = render(Reports.markdown(d, V2, Locale.ENGLISH));
        long recommended = d.items().stream().filter(i -> i.status() == ItemStatus.RECOMMENDED).count();
        long applicable = d.items().stream().filter(i -> i.status() != ItemStatus.NOT_APPLICABLE).count();
        assertThat(recommended).isPositive();
        assertThat(count(html, "<strong>RECOMMENDED</strong>")).isEqualTo((int) recommended);
        assertThat(count(html, "]: <code>PROC-")).as("one footnote per clause, its id set as code").isEqualTo(
                (int) d.items().stream().filter(i -> i.sheet().equals("PROCUREMENT") && i.status() != ItemStatus.NOT_APPLICABLE).count());
        assertThat(applicable).isGreaterThan(recommended);
        assertThat(html).contains("<strong>Project</strong>: SEABISヘルプチャット", "<ol start=\"6\">",
                "<li>The contractor shall take measures concerning “Comply with the common principles",
                "<code>" + d.definitions().hash() + "</code>");

        String ja = render(Reports.markdown(Samples.decision("benefits-eligibility-chatbot"), V2, Locale.JAPANESE));
        assertThat(ja).contains("<strong>プロジェクト</strong>：給付金案内チャットボット",
                "<blockquote>\n<p><strong>【記入してください：取り決める内容】</strong></p>",
                "<p>第1条　発注者及び受注者は、「生成AIシステムに係るインプットの取り決め");
        assertThat(ja).doesNotContain("**");
    }

    @Test
    void theBoardReportsTablesAndBlanksRender() {
        Decision d = Samples.decision("tax-notice-drafting");
        String html = render(Reports.boardReport(d, V2, Locale.JAPANESE));
        assertThat(count(html, "<table>")).isEqualTo(3);
        assertThat(html).contains("<td><strong>名称</strong></td>\n<td>課税通知文案作成支援</td>",
                "<td><strong>予算・スケジュール</strong></td>\n<td><strong>【記入してください：予算規模、導入及び運用開始の時期】</strong></td>",
                "<h2>1. プロジェクトの詳細 <em>公表情報</em></h2>",
                "<li>⑫ 有害情報の出力制御措置（PROC-12）：<strong>【記入してください：このプロジェクトでの実施方法】</strong></li>");
        assertThat(html).doesNotContain("**").doesNotContain("\\");
    }

    @Test
    void nothingFromAProfileBecomesMarkupOrALink() {
        for (String md : List.of(Reports.markdown(HostileTextTest.decision(), V2, Locale.ENGLISH),
                Reports.boardReport(HostileTextTest.decision(), V2, Locale.ENGLISH))) {
            String html = render(md);
            assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<a href=\"javascript")
                    .doesNotContain("<b>").contains("Chatbot &lt;script&gt;alert(1)&lt;/script&gt;");
        }
        String board = render(Reports.boardReport(HostileTextTest.decision(), V2, Locale.ENGLISH));
        assertThat(board).contains("<td>[click](javascript:alert(3)) *bold* | pipe - list # heading</td>");
    }
}
