package io.github.aigov.governance.server.papers;

import java.util.Arrays;
import java.util.Optional;

/** The papers the library writes for a decision, as the API names them. */
public enum Paper {
    HTML("html", "text/html;charset=UTF-8", "html"),
    MARKDOWN("markdown", "text/markdown;charset=UTF-8", "md"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    BOARD_REPORT("board-report", "text/markdown;charset=UTF-8", "md"),
    BOARD_REPORT_HTML("board-report", "text/html;charset=UTF-8", "html");

    private final String path;
    private final String mediaType;
    private final String extension;

    Paper(String path, String mediaType, String extension) {
        this.path = path;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String path() {
        return path;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The paper at this path ({@code board-report} in Markdown unless {@code html} is asked for). */
    public static Optional<Paper> of(String path, boolean html) {
        if ("board-report".equals(path)) {
            return Optional.of(html ? BOARD_REPORT_HTML : BOARD_REPORT);
        }
        return Arrays.stream(values()).filter(p -> p.path.equals(path) && p != BOARD_REPORT_HTML).findFirst();
    }
}
