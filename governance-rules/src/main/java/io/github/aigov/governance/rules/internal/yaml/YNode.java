package io.github.aigov.governance.rules.internal.yaml;

import io.github.aigov.governance.Location;
import java.util.List;

/** A YAML node that remembers where it was written. Plain data only: maps, lists and scalars. */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    Location location();

    /** What kind of node this is, in the words of an error message: map, list, text. */
    String kind();

    /** A map; keys in document order, each with the key's own location. */
    record YMap(List<Entry> entries, Location location) implements YNode {
        public YMap {
            entries = List.copyOf(entries);
        }

        public YNode get(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e.value();
                }
            }
            return null;
        }

        @Override
        public String kind() {
            return "map";
        }
    }

    record Entry(String key, Location keyLocation, YNode value) {
    }

    record YList(List<YNode> items, Location location) implements YNode {
        public YList {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "list";
        }
    }

    /** A scalar: its text, whether it was written plain (unquoted), and null-ness. */
    record YScalar(String value, boolean plain, Location location) implements YNode {
        public boolean isNull() {
            return plain && (value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null")
                    || value.equals("NULL"));
        }

        @Override
        public String kind() {
            return "text";
        }
    }
}
