package io.github.aigov.governance.server.dashboard;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.server.pages.Page;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.security.Role;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's systems in a table with filters, and the counts by classification as a chart. */
@Page
public class DashboardController {
    private final DashboardService dashboards;
    private final Texts texts;

    public DashboardController(DashboardService dashboards, Texts texts) {
        this.dashboards = dashboards;
        this.texts = texts;
    }

    @GetMapping("/dashboard")
    public String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String organisation,
                            @RequestParam(required = false) String classification, @RequestParam(required = false) String escalation,
                            @RequestParam(required = false) String open, @RequestParam(required = false) String overdue, Model model) {
        String c = Arrays.stream(Classification.values()).map(Enum::name).filter(n -> n.equals(classification)).findFirst().orElse(null);
        Boolean e = "yes".equals(escalation) ? Boolean.TRUE : "no".equals(escalation) ? Boolean.FALSE : null;
        DashboardService.Filter filter = new DashboardService.Filter(
                user.role().readsEveryOrganisation() ? organisation : null, c, e, "on".equals(open), "on".equals(overdue));
        DashboardService.Dashboard d = dashboards.dashboard(user, filter);
        model.addAttribute("dashboard", d);
        model.addAttribute("filter", filter);
        model.addAttribute("escalation", e == null ? "" : e ? "yes" : "no");
        model.addAttribute("classifications", List.of(Classification.values()));
        model.addAttribute("chart", ClassificationChart.of(d.computed(), d.determined(), k -> texts.text("reports.classification." + k),
                groups -> groups.stream().map(g -> texts.text("dashboard.chart.group", g.label(), g.computed().count(), g.holding().count()))
                        .collect(Collectors.joining(texts.text("dashboard.chart.separator")))));
        model.addAttribute("exports", user.role() != Role.OFFICER);
        return "dashboard/dashboard";
    }
}
