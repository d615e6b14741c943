package io.github.aigov.governance.server.reports;

import io.github.aigov.governance.server.pages.Page;
import io.github.aigov.governance.server.pages.TextInput;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.problems.Languages;
import io.github.aigov.governance.server.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The regular report (定期報告) to download, as xlsx or CSV, in Japanese or English
 * ({@code language=ja|en}; not {@code lang}, which switches the pages' language), and the page
 * that offers it with the table shown.
 */
@Page
public class RegularReportController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RegularReport report;

    public RegularReportController(RegularReport report) {
        this.report = report;
    }

    @GetMapping("/reports/regular")
    public String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String organisation, Model model) {
        String named = user.role().readsEveryOrganisation() ? organisation : null;
        model.addAttribute("table", report.table(user, named, Texts.locale()));
        model.addAttribute("whose", whose(user, named, Texts.locale()));
        model.addAttribute("organisation", named);
        return "reports/regular";
    }

    @GetMapping("/reports/regular.xlsx")
    public ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String organisation,
                                       @RequestParam(required = false) String language) {
        Locale locale = language(language);
        String named = user.role().readsEveryOrganisation() ? organisation : null;
        List<List<String>> table = report.table(user, named, locale);
        return download(report.xlsx(table, report.title(whose(user, named, locale), locale), locale), XLSX, named, user, locale, "xlsx");
    }

    @GetMapping("/reports/regular.csv")
    public ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String organisation,
                                      @RequestParam(required = false) String language) {
        Locale locale = language(language);
        String named = user.role().readsEveryOrganisation() ? organisation : null;
        return download(report.csv(report.table(user, named, locale)), new MediaType("text", "csv", StandardCharsets.UTF_8), named, user,
                locale, "csv");
    }

    private static Locale language(String language) {
        Locale l = Languages.parse(language);
        return l != null ? l : Texts.locale();
    }

    private String whose(CurrentUser user, String named, Locale locale) {
        if (!user.role().readsEveryOrganisation()) {
            return user.organisation();
        }
        return named != null && !named.isBlank() ? named : report.everyOrganisation(locale);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String named, CurrentUser user, Locale locale, String ext) {
        String whose = user.role().readsEveryOrganisation() ? (named == null || named.isBlank() ? "all" : named) : user.organisation();
        String file = "regular-report-" + whose.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "-" + TextInput.today() + "-"
                + locale.getLanguage() + "." + ext;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
