package io.github.aigov.governance;

import java.util.Comparator;

/**
 * Where a problem is: file, 1-based line and column (0 when unknown), and the field path
 * within the document (e.g. {@code axes.users}).
 */
public record Location(String file, int line, int column, String path) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator
            .comparing((Location l) -> l.file == null ? "" : l.file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column)
            .thenComparing(l -> l.path == null ? "" : l.path);

    public static Location of(String file) {
        return new Location(file, 0, 0, "");
    }

    @Override
    public int compareTo(Location o) {
        return ORDER.compare(this, o);
    }

    /** {@code file:line:column} (or less, when unknown), then the field path. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        if (path != null && !path.isEmpty()) {
            s.append(" (").append(path).append(')');
        }
        return s.toString();
    }
}
