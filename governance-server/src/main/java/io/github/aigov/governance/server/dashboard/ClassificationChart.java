package io.github.aigov.governance.server.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The counts by classification as a bar chart drawn on the server (SVG): for each classification,
 * the systems computed so and the systems whose holding classification (the CAIO's, else the
 * computed one) it is. Geometry only; the page writes the SVG, with its title and a description
 * that says every count in words for screen readers.
 */
public record ClassificationChart(int width, int height, int baseline, List<Group> groups, String description) {
    static final String[] ORDER = {"HIGH", "MEDIUM", "LOW", "OUT_OF_SCOPE"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int TOP = 30;
    private static final int BASELINE = 200;
    private static final int BAR = 46;
    private static final int GAP = 8;

    /** One bar: its value, where it is drawn, and its style ({@code computed} or {@code holding}, and the classification). */
    public record Bar(int count, int x, int y, int height, String style) {
        public int labelX() {
            return x + BAR / 2;
        }

        public int labelY() {
            return y - 6;
        }

        public int width() {
            return BAR;
        }
    }

    /** A classification's two bars and its label under them. */
    public record Group(String code, String label, Bar computed, Bar holding, int labelX) {
    }

    /**
     * @param label    a classification's label ({@code HIGH} → 高リスク)
     * @param describe the description from the counts in words
     */
    public static ClassificationChart of(Map<String, Integer> computed, Map<String, Integer> holding, Function<String, String> label,
                                         Function<List<Group>, String> describe) {
        int max = 1;
        for (String c : ORDER) {
            max = Math.max(max, Math.max(computed.getOrDefault(c, 0), holding.getOrDefault(c, 0)));
        }
        int slot = (WIDTH - 40) / ORDER.length;
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < ORDER.length; i++) {
            String c = ORDER[i];
            int left = 40 + i * slot + (slot - 2 * BAR - GAP) / 2;
            groups.add(new Group(c, label.apply(c), bar(computed.getOrDefault(c, 0), max, left, "computed " + c),
                    bar(holding.getOrDefault(c, 0), max, left + BAR + GAP, "holding " + c), left + BAR + GAP / 2));
        }
        return new ClassificationChart(WIDTH, HEIGHT, BASELINE, List.copyOf(groups), describe.apply(groups));
    }

    private static Bar bar(int count, int max, int x, String style) {
        int h = (int) Math.round((BASELINE - TOP) * (count / (double) max));
        return new Bar(count, x, BASELINE - h, h, style);
    }
}
