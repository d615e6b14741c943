package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journeys users take, in a real headless Chromium against the running service: an officer
 * registers the benefits chatbot and sees HIGH with its reasons, sends the workbook out and uploads
 * it back filled in, and sees the open items shrink; the CAIO overrides the classification (refused
 * without a justification), records the board's advice, exports the regular report and the audit
 * chain, which verifies. Every page visited is checked for what a screen reader and a keyboard
 * need (lang, one h1, headings in order, a label for every control, no positive tabindex), for a
 * CSRF token in every form, and for nothing loaded from elsewhere. One browser for the class.
 *
 * <p>{@code -Dpages.screenshot.dir=DIR} keeps the screenshots of the questionnaire, the system page and the dashboard
 * (the README's pictures are made so, into {@code docs/images}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesInBrowserTest {
    static final String PASSWORD = PageClient.PASSWORD;
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String ACCESSIBILITY = """
            const problems = [];
            if (!document.documentElement.lang) problems.push('no lang on <html>');
            const h1 = document.querySelectorAll('h1');
            if (h1.length !== 1) problems.push(h1.length + ' h1 elements');
            let last = 0;
            document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(h => {
              const level = +h.tagName[1];
              if (last && level > last + 1) problems.push('heading ' + h.tagName + ' after h' + last + ': ' + h.textContent.trim());
              last = level;
            });
            document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(c => {
              const label = (c.id && document.querySelector('label[for="' + CSS.escape(c.id) + '"]')) || c.closest('label')
                  || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
              if (!label) problems.push('a control without a label: ' + (c.name || c.id));
            });
            document.querySelectorAll('[tabindex]').forEach(e => {
              if (+e.getAttribute('tabindex') > 0) problems.push('positive tabindex on ' + e.tagName);
            });
            document.querySelectorAll('form').forEach(f => {
              if (f.method.toLowerCase() === 'post' && !f.querySelector('input[type=hidden][name=_csrf]')) {
                problems.push('a form without its CSRF token: ' + f.action);
              }
            });
            const ids = {};
            document.querySelectorAll('[id]').forEach(e => { if (ids[e.id]) problems.push('id twice: ' + e.id); ids[e.id] = 1; });
            document.querySelectorAll('table').forEach(t => { if (!t.querySelector('th')) problems.push('a table without headers'); });
            performance.getEntriesByType('resource').forEach(r => {
              if (!r.name.startsWith(location.origin) && !r.name.startsWith('data:')) problems.push('fetched from elsewhere: ' + r.name);
            });
            return problems;""";

    private Server server;
    private ChromeDriver chrome;
    private Path downloads;
    private String organisation;
    private String officer;
    private String caio;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServers.get(Db.H2);
        downloads = dir.resolve("downloads");
        chrome = Chromium.start(dir.resolve("profile"), downloads);
        organisation = server.organisation();
        officer = user(Role.OFFICER, organisation);
        caio = user(Role.CAIO, organisation);
    }

    @AfterAll
    void stop() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @BeforeEach
    void fresh() throws IOException {
        chrome.manage().deleteAllCookies();
        try (var files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private String user(Role role, String org) {
        String name = TestServers.unique(role.name().toLowerCase());
        server.users().add(name, role, org, PASSWORD.toCharArray());
        return name;
    }

    /** Opens a page and checks what every page must have. */
    private void open(String path) {
        chrome.get(server.url() + path);
        checkPage();
    }

    @SuppressWarnings("unchecked")
    private void checkPage() {
        List<String> problems = (List<String>) chrome.executeScript(ACCESSIBILITY);
        assertThat(problems).as(chrome.getCurrentUrl()).isEmpty();
    }

    private void login(String name) {
        open("/login");
        chrome.findElement(By.id("username")).sendKeys(name);
        chrome.findElement(By.id("password")).sendKeys(PASSWORD);
        navigate(chrome.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(chrome.getCurrentUrl()).endsWith("/dashboard");
        checkPage();
    }

    /** Clicks what leads to another page, and waits until that page has replaced this one. */
    private void navigate(WebElement element) {
        WebElement page = chrome.findElement(By.tagName("html"));
        element.click();
        // Gone: stale, or (while the old document is torn down) no longer in a document at all.
        new WebDriverWait(chrome, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    private void click(String linkText) {
        navigate(chrome.findElement(By.partialLinkText(linkText)));
        checkPage();
    }

    /** Clicks a link to a file (the page stays). */
    private void download(String linkText) {
        chrome.findElement(By.partialLinkText(linkText)).click();
    }

    private String text() {
        return chrome.findElement(By.tagName("main")).getText();
    }

    private void submit(String formSelector) {
        navigate(chrome.findElement(By.cssSelector(formSelector + " button[type=submit]")));
        checkPage();
    }

    private int openItems() {
        Matcher m = Pattern.compile("未対応の必須項目：(\\d+) 件中 (\\d+) 件").matcher(text());
        assertThat(m.find()).as(text()).isTrue();
        return Integer.parseInt(m.group(2));
    }

    @Test
    void the_officer_and_the_caio_take_a_system_from_registration_to_the_regular_report() throws Exception {
        // An organisation of its own, so that its dashboard and report hold this system only.
        // (Named as a ministry and its staff, for the README's screenshots: no other test uses these names.)
        String ministry = "厚生労働省";
        String officer = "sato.officer";
        String caio = "suzuki.caio";
        server.users().add(officer, Role.OFFICER, ministry, PASSWORD.toCharArray());
        server.users().add(caio, Role.CAIO, ministry, PASSWORD.toCharArray());
        // The officer registers the benefits chatbot by uploading its profile.
        login(officer);
        click("システムの登録");
        chrome.findElement(By.id("profile")).sendKeys(Profiles.file(Profiles.CHATBOT).toAbsolutePath().normalize().toString());
        new Select(chrome.findElement(By.id("guideline"))).selectByValue("version:2.0");
        submit("main form");
        String systemUrl = chrome.getCurrentUrl().replaceAll("\\?.*", "");
        assertThat(text()).contains("システムを登録し、判定しました。", "判定されたリスクレベル", "高リスク",
                "4つの観点のうち2つ以上で回答のレベルが「高」であるため、高リスクと判定します。", "COMB-TWO-OR-MORE-HIGH", "ESC-HIGH",
                "アドバイザリーボードへのエスカレーション", "未確定");
        assertThat(chrome.findElement(By.cssSelector(".box .badge.class-HIGH")).getText()).isEqualTo("高リスク");
        // The trace is folded, and opens.
        WebElement details = chrome.findElement(By.cssSelector("#trace-heading + details"));
        assertThat(details.getAttribute("open")).isNull();
        details.findElement(By.tagName("summary")).click();
        assertThat(details.getAttribute("open")).isNotNull();
        screenshot("pages-system.png", 1280, 1700);

        // The workbook goes to the vendor and comes back filled in.
        click("事業者回答と根拠");
        assertThat(openItems()).isEqualTo(27);
        download("事業者回答用のチェックシート");
        Path sent = Chromium.downloaded(downloads, "", "-xlsx-ja.xlsx");
        byte[] filled = Workbooks.edit(Files.readAllBytes(sent), wb -> Workbooks.answerRequired(wb, 12, "仕様書のとおり対応します"));
        Path back = downloads.getParent().resolve("answered.xlsx");
        Files.write(back, filled);
        chrome.findElement(By.id("workbook")).sendKeys(back.toString());
        submit("form[enctype='multipart/form-data']");
        assertThat(text()).contains("事業者回答を、この改訂とともに保存しました。", "仕様書のとおり対応します PROC-01");
        assertThat(openItems()).isEqualTo(15);
        navigate(chrome.findElement(By.cssSelector("header form button")));
        assertThat(chrome.getCurrentUrl()).contains("/login?out");
        checkPage();

        // The CAIO overrides the classification: refused without a justification, then recorded.
        login(caio);
        chrome.get(systemUrl);
        click("リスクレベルを確定する");
        chrome.findElement(By.id("classification-MEDIUM")).click();
        submit("main form");
        WebElement summary = chrome.findElement(By.id("error-summary"));
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(summary.getText()).contains("理由を記入してください");
        assertThat(chrome.switchTo().activeElement().getAttribute("id")).as("the errors take the focus").isEqualTo("error-summary");
        assertThat(chrome.findElement(By.id("justification")).getAttribute("aria-describedby")).contains("justification-error");
        chrome.findElement(By.id("classification-MEDIUM")).click();
        chrome.findElement(By.id("justification")).sendKeys("回答はすべて職員が確認してから送信する運用に改めるため、中リスクとする。");
        submit("main form");
        assertThat(text()).contains("リスクレベルの確定を記録しました。", "高リスク", "中リスク", "判定とは異なるリスクレベルに確定しました");

        click("助言を記録する");
        // A date field's keyboard order follows the browser's locale; the value is what the form sends.
        chrome.executeScript("arguments[0].value = arguments[1]", chrome.findElement(By.id("advisedOn")), TODAY.minusDays(1).toString());
        chrome.findElement(By.id("summary")).sendKeys("回答の根拠となる公表資料を必ず示すこと。");
        submit("main form");
        assertThat(text()).contains("アドバイザリーボードの助言を記録しました。", "回答の根拠となる公表資料を必ず示すこと。");

        click("システム一覧");
        assertThat(text()).contains("給付金案内チャットボット", "27 件中 15 件", "中リスク");
        assertThat(chrome.findElement(By.cssSelector("figure.chart svg")).getSize().getWidth()).isGreaterThan(300);
        screenshot("pages-dashboard.png", 1280, 1300);

        // The regular report as a workbook, and the audit chain that verifies.
        click("定期報告");
        download("Excelブック（日本語）");
        Path report = Chromium.downloaded(downloads, "regular-report-", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(report)))) {
            assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).isEqualTo("給付金案内チャットボット");
            assertThat(wb.getSheetAt(0).getRow(3).getCell(6).getStringCellValue()).isEqualTo("中リスク");
        }
        download("監査記録");
        Path chain = Chromium.downloaded(downloads, "audit-", ".jsonl");
        AuditVerification v = AuditExports.verify(Files.readAllBytes(chain));
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        // The decision, and beside it every step the officer and the CAIO took: the vendor's answers, the determination, the board's advice.
        assertThat(v.records()).isEqualTo(4);
        assertThat(v.recordsByKind()).containsExactly(java.util.Map.entry("decision", 1L), java.util.Map.entry("evidence", 1L),
                java.util.Map.entry("determination", 1L), java.util.Map.entry("board-advice", 1L));
    }

    /**
     * The officer answers the questionnaire for the benefits chatbot: the result and its reasons come
     * as they answer (script), and again on "check" (what works without it); help opens on request.
     */
    @Test
    void the_officer_answers_the_questionnaire_for_the_benefits_chatbot_and_sees_high_with_its_reasons() throws Exception {
        String officer = "tanaka.officer";
        server.users().add(officer, Role.OFFICER, "厚生労働省", PASSWORD.toCharArray());
        login(officer);
        click("システムの登録");
        click("質問に一つずつ答えて");
        assertThat(text()).contains("回答を確認すると、リスクレベルとその理由をここに表示します。");
        // Help on request: folded, and it opens.
        WebElement help = chrome.findElement(By.id("q-users-help"));
        assertThat(help.getAttribute("open")).isNull();
        help.findElement(By.tagName("summary")).click();
        assertThat(help.getAttribute("open")).isNotNull();
        assertThat(help.getText()).contains(QuestionnairePagesTest.QUESTIONS.question("users").orElseThrow().help().explanation().ja());

        java.util.Map<String, String> answers = io.github.aigov.governance.server.questionnaire.QuestionnaireService.answers(
                QuestionnairePagesTest.QUESTIONS, QuestionnairePagesTest.CHATBOT);
        for (io.github.aigov.governance.Question q : QuestionnairePagesTest.QUESTIONS.questions()) {
            String value = answers.get(q.id());
            if (q.type() == io.github.aigov.governance.Question.Type.TEXT) {
                WebElement field = chrome.findElement(By.id("q-" + q.id()));
                field.clear();
                field.sendKeys(value);
            } else {
                chrome.findElement(By.id("q-" + q.id() + "-" + value)).click();
            }
        }
        // With script, the result comes as they answer.
        new WebDriverWait(chrome, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("result-classification")).isEmpty()
                && d.findElement(By.id("result-classification")).getText().equals("高リスク"));
        assertThat(chrome.findElement(By.id("result")).getText()).contains("4つの観点のうち2つ以上で回答のレベルが「高」であるため、高リスクと判定します。",
                "COMB-TWO-OR-MORE-HIGH", "ESC-HIGH");
        // Without waiting for script: "check" gives the same, as a page.
        navigate(chrome.findElement(By.cssSelector("button[value=check]")));
        checkPage();
        assertThat(chrome.findElement(By.id("result-classification")).getText()).isEqualTo("高リスク");
        assertThat(chrome.findElement(By.id("result")).getText()).contains("4つの観点のうち2つ以上で回答のレベルが「高」であるため、高リスクと判定します。",
                "アドバイザリーボードへのエスカレーション", "必須");
        screenshot("pages-questionnaire.png", 1280, 1500);

        // A question left out is named, and the result is withdrawn rather than guessed.
        chrome.findElement(By.id("q-project-name")).clear();
        navigate(chrome.findElement(By.cssSelector("button[value=check]")));
        checkPage();
        assertThat(chrome.findElement(By.id("unanswered")).getText())
                .isEqualTo(QuestionnairePagesTest.QUESTIONS.question("project-name").orElseThrow().text().ja());
        assertThat(chrome.findElements(By.id("result-classification"))).isEmpty();
    }

    @Test
    void another_organisations_officer_cannot_open_the_system() {
        String elsewhere = user(Role.OFFICER, server.organisation());
        PageClient owner = PageClient.as(server, Role.OFFICER, organisation);
        String id = owner.register(Profiles.yaml(Profiles.MINUTES));
        login(elsewhere);
        for (String path : List.of("/systems/" + id, "/systems/" + id + "/evidence", "/systems/" + id + "/papers/html")) {
            open(path);
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("見つかりません");
            assertThat(chrome.getPageSource()).doesNotContain("会議議事録作成支援");
        }
    }

    @Test
    void a_profile_full_of_markup_is_shown_as_text_and_runs_nothing() {
        PageClient owner = PageClient.as(server, Role.OFFICER, organisation);
        String name = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";
        String id = owner.register(Profiles.with(Profiles.with(Profiles.yaml(Profiles.MINUTES), "id", "markup-" + System.nanoTime()),
                "name", name));
        login(officer);
        open("/systems/" + id);
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(chrome.executeScript("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(chrome.findElements(By.cssSelector("main img, main script"))).isEmpty();
        open("/dashboard");
        assertThat(text()).contains(name);
        assertThat(chrome.executeScript("return typeof window.pwned")).isEqualTo("undefined");
    }

    @Test
    void every_page_switches_to_english_and_back_and_the_keyboard_reaches_the_content_first() {
        login(caio);
        for (String path : List.of("/dashboard", "/systems/new", "/revision", "/settings", "/reports/regular")) {
            open(path);
            assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
            String h1 = chrome.findElement(By.tagName("h1")).getText();
            navigate(chrome.findElement(By.cssSelector("a[hreflang=en]")));
            checkPage();
            assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(chrome.getCurrentUrl()).contains(path);
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isNotEqualTo(h1).matches("[\\x20-\\x7E]+");
            navigate(chrome.findElement(By.cssSelector("a[hreflang=ja]")));
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo(h1);
        }
        // The first Tab reaches the skip link, which moves the focus to the content.
        open("/dashboard");
        chrome.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = chrome.switchTo().activeElement();
        assertThat(skip.getAttribute("class")).isEqualTo("skip");
        skip.sendKeys(Keys.ENTER);
        new WebDriverWait(chrome, Duration.ofSeconds(5)).until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
    }

    /** Keeps a screenshot of the top of the current page in {@code -Dpages.screenshot.dir}, if given. */
    private void screenshot(String file, int width, int height) throws IOException {
        String keep = System.getProperty("pages.screenshot.dir");
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        chrome.executeScript("window.scrollTo(0, 0)");
        Path png = chrome.getScreenshotAs(OutputType.FILE).toPath();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        if (keep != null && !keep.isBlank()) {
            Files.createDirectories(Path.of(keep));
            Files.copy(png, Path.of(keep).resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
