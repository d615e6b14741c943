package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.ProjectProfile;
import java.util.Map;

/**
 * A stored profile as a YAML file the officer can edit and upload again as a new revision. Every
 * text is a double-quoted scalar with YAML's escapes, so nothing in it (a colon, a {@code #}, a line
 * break, markup, a control character) changes the document's structure; read back, it is the same
 * profile.
 */
public final class ProfileYaml {
    private ProfileYaml() {
    }

    /** The profile as YAML, with a first comment naming the revision (no text from the profile is in a comment). */
    public static String write(ProjectProfile p, int revision) {
        StringBuilder y = new StringBuilder();
        y.append("# yaml-language-server: $schema=project-profile.schema.json\n");
        y.append("# Revision ").append(revision).append(", as stored by the governance service.\n");
        y.append("id: ").append(quoted(p.id())).append('\n');
        y.append("name: ").append(quoted(p.name())).append('\n');
        y.append("organisation: ").append(quoted(p.organisation())).append('\n');
        y.append("description: ").append(quoted(p.description())).append('\n');
        y.append("scope:\n");
        y.append("  textGeneration: ").append(p.scope().textGeneration()).append('\n');
        y.append("  specifiedSecrets: ").append(p.scope().specifiedSecrets()).append('\n');
        y.append("model:\n");
        y.append("  name: ").append(quoted(p.model().name())).append('\n');
        y.append("  vendor: ").append(quoted(p.model().vendor())).append('\n');
        y.append("procurement:\n");
        y.append("  form: ").append(p.procurement().form().name()).append('\n');
        y.append("  vendorTrainsModel: ").append(p.procurement().vendorTrainsModel()).append('\n');
        y.append("axes:\n");
        for (Map.Entry<String, String> a : p.axes().entrySet()) {
            y.append("  ").append(quoted(a.getKey())).append(": ").append(quoted(a.getValue())).append('\n');
        }
        return y.toString();
    }

    /** A YAML double-quoted scalar. */
    public static String quoted(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                            && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF || lone) {
                        q.append(String.format("\\u%04X", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
