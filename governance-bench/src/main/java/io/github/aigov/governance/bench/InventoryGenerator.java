package io.github.aigov.governance.bench;

import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A synthetic inventory of generative-AI projects, as a ministry's list of uses might look: seeded,
 * any size, streamed (one profile in memory at a time), with realistic answers and a configurable
 * share of deliberately invalid profiles for batch tests.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.aigov.governance.bench.InventoryGenerator \
 *     --seed 42 --count 100000 --format jsonl --out inventory.jsonl [--invalid-rate 0.005]
 * </pre>
 *
 * <p>{@code jsonl}: one profile per line, a JSON object with the keys of the YAML profile, in its
 * order. {@code yaml-dir}: one {@code <id>.yaml} file per profile in the directory {@code --out}.
 * The same seed, count and rate give the same bytes, on any machine ({@link Random}'s algorithm is
 * specified).
 *
 * <p>Answers are drawn per project from a mix of archetypes (staff clerical help, policy analysis,
 * public information chatbots, casework affecting rights, disaster response, ...) with per-axis noise,
 * so every combination occurs but the common ones dominate, as in a real inventory. The answer
 * vocabulary is DS-920 v2.0's (and v1.0's: they share it).
 *
 * <p>Invalid profiles, at {@code --invalid-rate} (default 0.5%), have exactly one defect: an axis
 * answered with an option that does not exist, an axis left unanswered, a required field missing, or
 * a procurement form outside the vocabulary. The engine refuses each of them, with a problem code.
 */
public final class InventoryGenerator {

    /** How a profile is deliberately wrong. */
    public enum Defect {
        NONE, UNKNOWN_OPTION, MISSING_AXIS, MISSING_FIELD, UNKNOWN_FORM
    }

    public enum Format {
        JSONL, YAML_DIR;

        static Format parse(String s) {
            return switch (s) {
                case "jsonl" -> JSONL;
                case "yaml-dir" -> YAML_DIR;
                default -> throw new IllegalArgumentException("--format: jsonl | yaml-dir, not " + s);
            };
        }
    }

    /** What was written. */
    public record Summary(long count, long invalid) {
    }

    /**
     * One generated profile as an ordered tree of maps, booleans and strings: the shape of the YAML
     * profile, possibly with one defect.
     */
    public record Generated(long index, Map<String, Object> fields, Defect defect) {

        public String id() {
            return (String) fields.get("id");
        }

        /** As the public profile type; only for profiles without a defect. */
        @SuppressWarnings("unchecked")
        public ProjectProfile toProfile() {
            if (defect != Defect.NONE) {
                throw new IllegalStateException(id() + " is deliberately invalid: " + defect);
            }
            Map<String, Object> scope = (Map<String, Object>) fields.get("scope");
            Map<String, Object> model = (Map<String, Object>) fields.get("model");
            Map<String, Object> procurement = (Map<String, Object>) fields.get("procurement");
            Map<String, String> axes = new LinkedHashMap<>();
            ((Map<String, Object>) fields.get("axes")).forEach((k, v) -> axes.put(k, (String) v));
            return new ProjectProfile(id(), (String) fields.get("name"), (String) fields.get("organisation"),
                    (String) fields.get("description"),
                    new ProjectProfile.Scope((Boolean) scope.get("textGeneration"), (Boolean) scope.get("specifiedSecrets")),
                    new ProjectProfile.Model((String) model.get("name"), (String) model.get("vendor")),
                    new ProjectProfile.Procurement(ProcurementForm.valueOf((String) procurement.get("form")),
                            (Boolean) procurement.get("vendorTrainsModel")),
                    axes);
        }
    }

    static final String[] USERS = {"STAFF_SPECIFIC", "STAFF_GENERAL", "EXTERNAL_CONTRACTED", "PUBLIC"};
    static final String[] WORK = {"INTERNAL_SUPPORT", "INFORMATION_PROVISION", "POLICY_ANALYSIS", "RIGHTS_AFFECTING",
        "LIFE_SAFETY"};
    static final String[] DATA = {"PUBLIC_ONLY", "INTERNAL_NON_CONFIDENTIAL", "SENSITIVE_IN_PROMPTS", "SENSITIVE_LEARNED"};
    static final String[] JUDGEMENT = {"EVERY_OUTPUT", "SAMPLED", "NONE"};
    private static final String[][] AXES = {USERS, WORK, DATA, JUDGEMENT};
    private static final String[] AXIS_IDS = {"users", "work", "data", "judgement"};

    /**
     * An archetype: a weight and, per axis, weights over that axis's options (in the order above).
     */
    private record Archetype(String purpose, int weight, int[][] axes) {
    }

    private static final Archetype[] ARCHETYPES = {
        new Archetype("会議録作成支援", 25, new int[][] {{6, 4, 0, 0}, {1, 0, 0, 0, 0}, {2, 5, 3, 0}, {1, 0, 0}}),
        new Archetype("業務マニュアル検索チャット", 20, new int[][] {{3, 7, 0, 0}, {1, 0, 0, 0, 0}, {5, 5, 0, 0}, {8, 2, 0}}),
        new Archetype("政策分析支援", 15, new int[][] {{2, 8, 0, 0}, {0, 0, 1, 0, 0}, {2, 5, 3, 0}, {7, 3, 0}}),
        new Archetype("行政情報案内チャットボット", 15, new int[][] {{0, 0, 1, 9}, {0, 1, 0, 0, 0}, {8, 2, 0, 0}, {0, 4, 6}}),
        new Archetype("委託事業者向け問合せ対応", 5, new int[][] {{0, 0, 1, 0}, {0, 8, 2, 0, 0}, {4, 4, 2, 0}, {5, 4, 1}}),
        new Archetype("審査・給付事務支援", 12, new int[][] {{7, 3, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 4, 6}, {8, 2, 0}}),
        new Archetype("災害対応情報提供", 5, new int[][] {{0, 4, 0, 6}, {0, 0, 0, 0, 1}, {6, 3, 1, 0}, {2, 5, 3}}),
        new Archetype("その他の生成AI活用", 3, new int[][] {{1, 1, 1, 1}, {1, 1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1}}),
    };

    private static final String[] ORGANISATIONS = {"デジタル庁", "内閣府", "総務省", "法務省", "外務省", "財務省", "文部科学省",
        "厚生労働省", "農林水産省", "経済産業省", "国土交通省", "環境省", "防衛省", "国税庁", "特許庁", "気象庁"};
    private static final String[][] MODELS = {{"gpt-4o", "OpenAI"}, {"claude-sonnet", "Anthropic"}, {"gemini-pro", "Google"},
        {"tsuzumi", "NTT"}, {"llm-jp-13b", "NII"}, {"example-llm", "Example Corp."}, {"国産LLM-α", "株式会社サンプル"}};
    private static final String[] DESCRIPTIONS = {
        "職員が作成する文書の下書きを生成する。出力は必ず職員が確認してから使用する。",
        "Answers questions from the published guidance only; answers are logged and reviewed weekly.",
        "内部規程・マニュアルを検索し、回答の根拠となる文書を提示する。",
        "Summarises case files for the officer in charge, who decides; drafts are never sent as they are.",
        "住民からの問合せに自動で回答する。回答内容は事後にサンプリングで点検する。",
        "",
    };

    /** A probability in [0, 1] as a count out of a million, so the draws are exact integers. */
    private static final int MILLION = 1_000_000;

    private final Random random;
    private final long count;
    private final int invalidPerMillion;
    private final int width;

    public InventoryGenerator(long seed, long count, double invalidRate) {
        if (count < 0) {
            throw new IllegalArgumentException("--count must not be negative");
        }
        if (invalidRate < 0 || invalidRate > 1) {
            throw new IllegalArgumentException("--invalid-rate must be within 0..1");
        }
        this.random = new Random(seed);
        this.count = count;
        this.invalidPerMillion = (int) Math.round(invalidRate * MILLION);
        this.width = Math.max(7, Long.toString(count).length());
    }

    /** The profiles, generated one at a time as the iterator is consumed. */
    public Iterator<Generated> iterator() {
        return new Iterator<>() {
            long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Generated next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return generate(next++);
            }
        };
    }

    /** The first {@code n} valid profiles of a seed's inventory: the fixed sets the benchmarks rotate through. */
    public static ProjectProfile[] validProfiles(long seed, int n) {
        Iterator<Generated> it = new InventoryGenerator(seed, Long.MAX_VALUE, 0).iterator();
        ProjectProfile[] out = new ProjectProfile[n];
        for (int i = 0; i < n; i++) {
            out[i] = it.next().toProfile();
        }
        return out;
    }

    private Generated generate(long index) {
        Random r = random;
        Archetype a = ARCHETYPES[weighted(r, archetypeWeights())];
        String[] answers = new String[AXES.length];
        for (int axis = 0; axis < AXES.length; axis++) {
            // One answer in ten is anything at all: the tail of the answer space occurs too.
            int option = r.nextInt(10) == 0 ? r.nextInt(AXES[axis].length) : weighted(r, a.axes()[axis]);
            answers[axis] = AXES[axis][option];
        }
        int formDraw = r.nextInt(100);
        ProcurementForm form = formDraw < 55 ? ProcurementForm.SAAS_API
                : formDraw < 85 ? ProcurementForm.CUSTOMISATION : ProcurementForm.NEW_DEVELOPMENT;
        int trainsPercent = switch (form) {
            case SAAS_API -> 3;
            case CUSTOMISATION -> 40;
            case NEW_DEVELOPMENT -> 60;
        };
        if (answers[2].equals("SENSITIVE_LEARNED")) {
            trainsPercent += 25;
        }
        boolean trains = r.nextInt(100) < trainsPercent;
        boolean textGeneration = r.nextInt(100) >= 2;
        boolean specifiedSecrets = r.nextInt(100) < 1;
        String organisation = ORGANISATIONS[r.nextInt(ORGANISATIONS.length)];
        String[] model = MODELS[r.nextInt(MODELS.length)];
        String description = DESCRIPTIONS[r.nextInt(DESCRIPTIONS.length)];
        String id = String.format(Locale.ROOT, "inv-%0" + width + "d", index + 1);

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("name", organisation + " " + a.purpose() + " " + (index + 1));
        f.put("organisation", organisation);
        f.put("description", description);
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("textGeneration", textGeneration);
        scope.put("specifiedSecrets", specifiedSecrets);
        f.put("scope", scope);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", model[0]);
        m.put("vendor", model[1]);
        f.put("model", m);
        Map<String, Object> procurement = new LinkedHashMap<>();
        procurement.put("form", form.name());
        procurement.put("vendorTrainsModel", trains);
        f.put("procurement", procurement);
        Map<String, Object> axes = new LinkedHashMap<>();
        for (int axis = 0; axis < AXES.length; axis++) {
            axes.put(AXIS_IDS[axis], answers[axis]);
        }
        f.put("axes", axes);

        Defect defect = r.nextInt(MILLION) < invalidPerMillion ? spoil(r, f) : Defect.NONE;
        return new Generated(index, f, defect);
    }

    @SuppressWarnings("unchecked")
    private static Defect spoil(Random r, Map<String, Object> f) {
        Map<String, Object> axes = (Map<String, Object>) f.get("axes");
        String axis = AXIS_IDS[r.nextInt(AXIS_IDS.length)];
        Defect d = Defect.values()[1 + r.nextInt(Defect.values().length - 1)];
        switch (d) {
            case UNKNOWN_OPTION -> axes.put(axis, ((String) axes.get(axis)).toLowerCase(Locale.ROOT) + "_TYPO");
            case MISSING_AXIS -> axes.remove(axis);
            case MISSING_FIELD -> {
                String[][] fields = {{"organisation"}, {"name"}, {"procurement", "form"}, {"scope", "textGeneration"}};
                String[] path = fields[r.nextInt(fields.length)];
                if (path.length == 1) {
                    f.remove(path[0]);
                } else {
                    ((Map<String, Object>) f.get(path[0])).remove(path[1]);
                }
            }
            case UNKNOWN_FORM -> ((Map<String, Object>) f.get("procurement")).put("form", "OUTSOURCED");
            default -> throw new IllegalStateException(d.name());
        }
        return d;
    }

    private static int[] archetypeWeights() {
        int[] w = new int[ARCHETYPES.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = ARCHETYPES[i].weight();
        }
        return w;
    }

    private static int weighted(Random r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int draw = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Writes the inventory, one profile at a time. */
    public Summary write(Format format, Path out) throws IOException {
        long written = 0;
        long invalid = 0;
        Iterator<Generated> it = iterator();
        if (format == Format.JSONL) {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                while (it.hasNext()) {
                    Generated g = it.next();
                    json(w, g.fields());
                    w.write('\n');
                    written++;
                    invalid += g.defect() == Defect.NONE ? 0 : 1;
                }
            }
        } else {
            Files.createDirectories(out);
            while (it.hasNext()) {
                Generated g = it.next();
                try (BufferedWriter w = Files.newBufferedWriter(out.resolve(g.id() + ".yaml"), StandardCharsets.UTF_8)) {
                    yaml(w, g.fields(), 0);
                }
                written++;
                invalid += g.defect() == Defect.NONE ? 0 : 1;
            }
        }
        return new Summary(written, invalid);
    }

    @SuppressWarnings("unchecked")
    /** A generated profile as one line of JSON, without the newline. */
    static String jsonLine(Generated g) {
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            json(w, g.fields());
            return w.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void json(Writer w, Map<String, Object> map) throws IOException {
        w.write('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (!first) {
                w.write(',');
            }
            first = false;
            string(w, e.getKey());
            w.write(':');
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                json(w, (Map<String, Object>) m);
            } else if (v instanceof Boolean b) {
                w.write(b.toString());
            } else {
                string(w, (String) v);
            }
        }
        w.write('}');
    }

    @SuppressWarnings("unchecked")
    static void yaml(Writer w, Map<String, Object> map, int indent) throws IOException {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            w.write(" ".repeat(indent));
            w.write(e.getKey());
            w.write(':');
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                w.write('\n');
                yaml(w, (Map<String, Object>) m, indent + 2);
                continue;
            }
            w.write(' ');
            if (v instanceof Boolean b) {
                w.write(b.toString());
            } else {
                string(w, (String) v); // a JSON string is a YAML double-quoted scalar
            }
            w.write('\n');
        }
    }

    private static void string(Writer w, String s) throws IOException {
        w.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> w.write("\\\"");
                case '\\' -> w.write("\\\\");
                case '\n' -> w.write("\\n");
                case '\t' -> w.write("\\t");
                case '\r' -> w.write("\\r");
                default -> {
                    if (c < 0x20) {
                        w.write(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        w.write(c);
                    }
                }
            }
        }
        w.write('"');
    }

    public static void main(String[] args) throws IOException {
        Long seed = null;
        Long count = null;
        Format format = null;
        Path out = null;
        double rate = 0.005;
        List<String> rest = new ArrayList<>(List.of(args));
        try {
            while (!rest.isEmpty()) {
                String flag = rest.remove(0);
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = rest.remove(0);
                switch (flag) {
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--count" -> count = Long.parseLong(value);
                    case "--format" -> format = Format.parse(value);
                    case "--out" -> out = Path.of(value);
                    case "--invalid-rate" -> rate = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (seed == null || count == null || format == null || out == null) {
                throw new IllegalArgumentException("--seed, --count, --format and --out are required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("InventoryGenerator: " + e.getMessage());
            System.err.println("usage: InventoryGenerator --seed N --count N --format jsonl|yaml-dir --out PATH"
                    + " [--invalid-rate 0.005]");
            System.exit(2);
            return;
        }
        Summary s = new InventoryGenerator(seed, count, rate).write(format, out);
        System.err.printf(Locale.ROOT, "wrote %d profiles (%d deliberately invalid) to %s%n", s.count(), s.invalid(), out);
    }
}
