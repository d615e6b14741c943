package io.github.aigov.governance.audit;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the CAIO's office did about a decision, for the audit log beside the decision it is about:
 * a determination of the classification, the advisory board's advice, the vendor's evidence, a step
 * of a risk case, a system's go-live or periodic verification (see {@code docs/audit-log.md} and
 * {@code schemas/office-record.schema.json}). Appended with {@link AuditLog#append(OfficeRecord, Set)}
 * as a line of format 3, chained, hashed and signed as decisions are.
 *
 * <p>The constructor checks the record as the schema states it (the kind's content, a
 * determination that differs from the computed classification has a justification, an
 * organisation's setting names no system) and throws {@link GovernanceException} ({@code GOV-0036})
 * naming every field that is wrong.
 *
 * @param kind         what it records
 * @param recordId     the record's id (a UUID)
 * @param recordedAt   when
 * @param recordedBy   who, with the role they had then
 * @param organisation the organisation whose log it is
 * @param system       the system (and revision) it is about; {@code null} for an organisation's setting
 * @param about        the decision it is about; {@code null} exactly when {@code system} is
 * @param content      the kind's own fields: texts, booleans, whole numbers and (for a workbook's
 *                     answers) a map of texts; copied, with its names sorted
 * @param redacted     the content's free texts replaced by {@value #REDACTED} (empty unless read back
 *                     from a log that redacted them)
 */
public record OfficeRecord(Kind kind, String recordId, Instant recordedAt, Actor recordedBy, String organisation,
                           SystemRef system, DecisionRef about, Map<String, Object> content, List<String> redacted) {

    /** The version of the records' shape. */
    public static final String SCHEMA_VERSION = "1";
    /** What a redacted free text holds. */
    public static final String REDACTED = "[REDACTED]";
    /** The content's free texts, which may hold personal data and can be redacted. */
    public static final Set<String> FREE_TEXTS = Set.of("justification", "summary", "whatHappened", "effect", "text", "note", "answers");

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> ROLES = Set.of("OFFICER", "CAIO", "AUDITOR", "DIGITAL_AGENCY");

    /** What a record records; {@link #id()} is how lines and records name it. */
    public enum Kind {
        /** The CAIO confirmed the computed classification or set another, with a justification. */
        DETERMINATION("determination"),
        /** The advisory board's advice on an escalated system. */
        BOARD_ADVICE("board-advice"),
        /** The vendor's answers from a workbook, or an item marked met (or the mark withdrawn). */
        EVIDENCE("evidence"),
        /** A risk case reported, the provider's response, the board's recurrence-prevention note. */
        RISK_CASE("risk-case"),
        /** A system's go-live, a periodic verification, or the organisation's verification interval. */
        VERIFICATION("verification");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The kind as lines and records name it. */
        public String id() {
            return id;
        }

        /** The kind of this name, or {@code null}. */
        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Who made a record: a name and the role they had then ({@code OFFICER}, {@code CAIO}, {@code AUDITOR}, {@code DIGITAL_AGENCY}). */
    public record Actor(String name, String role) {
    }

    /** The system a record is about: its id, its profile's id, and the revision ({@code null} when none). */
    public record SystemRef(String id, String profileId, Integer revision) {
    }

    /**
     * The decision a record is about: its id, its position in the log, and its line's hash
     * ({@code null} before appending: the log fills it in from the line at {@code auditSeq}).
     */
    public record DecisionRef(String decisionId, long auditSeq, String decisionHash) {
        /** With the hash of the decision's line. */
        public DecisionRef withHash(String hash) {
            return new DecisionRef(decisionId, auditSeq, hash);
        }
    }

    /** A record without redacted fields. */
    public OfficeRecord(Kind kind, String recordId, Instant recordedAt, Actor recordedBy, String organisation,
                        SystemRef system, DecisionRef about, Map<String, Object> content) {
        this(kind, recordId, recordedAt, recordedBy, organisation, system, about, content, List.of());
    }

    public OfficeRecord {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> copied = new TreeMap<>();
        if (content == null) {
            problems.add(problem("content", "problem.office.missing"));
        } else {
            for (Map.Entry<String, Object> e : content.entrySet()) {
                Object v = copy(e.getValue());
                if (e.getKey() == null || v == null) {
                    problems.add(problem("content." + e.getKey(), "problem.office.value"));
                } else {
                    copied.put(e.getKey(), v);
                }
            }
        }
        content = Collections.unmodifiableMap(new LinkedHashMap<>(copied));
        redacted = redacted == null ? List.of() : List.copyOf(redacted);
        check(kind, recordId, recordedAt, recordedBy, organisation, system, about, content, redacted, problems);
        if (!problems.isEmpty()) {
            throw new GovernanceException(problems);
        }
    }

    /** The same record about the decision with this line hash (what the log stores). */
    public OfficeRecord withDecisionHash(String hash) {
        return new OfficeRecord(kind, recordId, recordedAt, recordedBy, organisation, system, about.withHash(hash), content, redacted);
    }

    /** The same record with these free texts redacted (those it holds). */
    public OfficeRecord redact(Set<String> sensitive) {
        Map<String, Object> c = new LinkedHashMap<>(content);
        List<String> names = new ArrayList<>(redacted);
        for (String name : new TreeMap<>(c).keySet()) {
            if (sensitive.contains(name) && FREE_TEXTS.contains(name) && !names.contains(name)) {
                c.put(name, REDACTED);
                names.add(name);
            }
        }
        Collections.sort(names);
        return new OfficeRecord(kind, recordId, recordedAt, recordedBy, organisation, system, about, c, names);
    }

    /** A content member as text ({@code null} when absent or not text). */
    public String text(String name) {
        return content.get(name) instanceof String s ? s : null;
    }

    private static Object copy(Object v) {
        if (v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, String> texts = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof String s)) {
                    return null;
                }
                texts.put(k, s);
            }
            return Collections.unmodifiableMap(texts);
        }
        return null;
    }

    /** What a content member must hold. */
    private enum Type { TEXT, FREE, BOOLEAN, MONTHS, DATE, CLASSIFICATION, REPORTER, RESULT, SHA256, ANSWERS, STEP }

    /** The content's members by kind and step (or source), with what each holds. */
    private static Map<String, Type> spec(Kind kind, String step) {
        Map<String, Type> m = new LinkedHashMap<>();
        switch (kind) {
            case DETERMINATION -> {
                m.put("computed", Type.CLASSIFICATION);
                m.put("determined", Type.CLASSIFICATION);
                m.put("justification", Type.FREE);
            }
            case BOARD_ADVICE -> {
                m.put("advisedOn", Type.DATE);
                m.put("summary", Type.FREE);
            }
            case EVIDENCE -> {
                m.put("source", Type.STEP);
                if ("workbook".equals(step)) {
                    m.put("fileName", Type.TEXT);
                    m.put("fileSha256", Type.SHA256);
                    m.put("answers", Type.ANSWERS);
                } else if ("mark".equals(step)) {
                    m.put("itemId", Type.TEXT);
                    m.put("met", Type.BOOLEAN);
                    m.put("note", Type.FREE);
                    m.put("link", Type.FREE);
                }
            }
            case RISK_CASE -> {
                m.put("step", Type.STEP);
                if ("reported".equals(step)) {
                    m.put("caseId", Type.TEXT);
                    m.put("reporter", Type.REPORTER);
                    m.put("occurredOn", Type.DATE);
                    m.put("whatHappened", Type.FREE);
                    m.put("effect", Type.FREE);
                } else if ("response".equals(step)) {
                    m.put("caseId", Type.TEXT);
                    m.put("dated", Type.DATE);
                    m.put("text", Type.FREE);
                    m.put("toBoard", Type.BOOLEAN);
                } else if ("board-note".equals(step)) {
                    m.put("caseId", Type.TEXT);
                    m.put("dated", Type.DATE);
                    m.put("text", Type.FREE);
                }
            }
            case VERIFICATION -> {
                m.put("step", Type.STEP);
                if ("go-live".equals(step)) {
                    m.put("liveOn", Type.DATE);
                } else if ("verification".equals(step)) {
                    m.put("verifiedOn", Type.DATE);
                    m.put("result", Type.RESULT);
                    m.put("note", Type.FREE);
                } else if ("interval".equals(step)) {
                    m.put("months", Type.MONTHS);
                }
            }
        }
        return m;
    }

    private static final Map<Kind, List<String>> STEPS = Map.of(
            Kind.EVIDENCE, List.of("workbook", "mark"),
            Kind.RISK_CASE, List.of("reported", "response", "board-note"),
            Kind.VERIFICATION, List.of("go-live", "verification", "interval"));

    private static void check(Kind kind, String recordId, Instant recordedAt, Actor recordedBy, String organisation,
                              SystemRef system, DecisionRef about, Map<String, Object> content, List<String> redacted,
                              List<Problem> problems) {
        if (kind == null) {
            problems.add(problem("kind", "problem.office.missing"));
            return;
        }
        if (recordId == null || !UUID.matcher(recordId).matches()) {
            problems.add(problem("recordId", "problem.office.uuid"));
        }
        if (recordedAt == null) {
            problems.add(problem("recordedAt", "problem.office.missing"));
        }
        if (recordedBy == null || blank(recordedBy.name())) {
            problems.add(problem("recordedBy.name", "problem.office.missing"));
        } else if (!ROLES.contains(recordedBy.role())) {
            problems.add(problem("recordedBy.role", "problem.office.one-of", String.valueOf(recordedBy.role()), "OFFICER, CAIO, AUDITOR, DIGITAL_AGENCY"));
        }
        if (blank(organisation)) {
            problems.add(problem("organisation", "problem.office.missing"));
        }
        String discriminator = kind == Kind.EVIDENCE ? "source" : "step";
        String step = content.get(discriminator) instanceof String s ? s : null;
        List<String> steps = STEPS.get(kind);
        if (steps != null && !steps.contains(step)) {
            problems.add(problem("content." + discriminator, "problem.office.one-of", String.valueOf(step), String.join(", ", steps)));
            return;
        }
        boolean setting = kind == Kind.VERIFICATION && "interval".equals(step);
        if (setting) {
            if (system != null || about != null) {
                problems.add(problem(system != null ? "system" : "about", "problem.office.setting"));
            }
        } else {
            if (system == null || blank(system.id()) || blank(system.profileId())) {
                problems.add(problem("system", "problem.office.missing"));
            } else if (system.revision() != null && system.revision() < 1) {
                problems.add(problem("system.revision", "problem.office.value"));
            }
            if (about == null || blank(about.decisionId())) {
                problems.add(problem("about", "problem.office.missing"));
            } else if (about.auditSeq() < 1) {
                problems.add(problem("about.auditSeq", "problem.office.value"));
            } else if (about.decisionHash() != null && !HASH.matcher(about.decisionHash()).matches()) {
                problems.add(problem("about.decisionHash", "problem.office.value"));
            }
        }
        Map<String, Type> spec = spec(kind, step);
        for (String name : content.keySet()) {
            if (!spec.containsKey(name)) {
                problems.add(problem("content." + name, "problem.office.unknown"));
            }
        }
        for (String name : redacted) {
            if (!spec.containsKey(name) || !FREE_TEXTS.contains(name) || !REDACTED.equals(content.get(name))) {
                problems.add(problem("redacted", "problem.office.redacted", name));
            }
        }
        for (Map.Entry<String, Type> e : spec.entrySet()) {
            String name = e.getKey();
            Object v = content.get(name);
            boolean optional = name.equals("justification") || name.equals("link");
            if (v == null) {
                if (!optional) {
                    problems.add(problem("content." + name, "problem.office.missing"));
                }
                continue;
            }
            if (redacted.contains(name)) {
                continue;
            }
            if (!holds(e.getValue(), v)) {
                problems.add(problem("content." + name, "problem.office.value"));
            }
        }
        if (kind == Kind.DETERMINATION && content.get("computed") instanceof String computed
                && content.get("determined") instanceof String determined && !computed.equals(determined)
                && !redacted.contains("justification") && blank(content.get("justification") instanceof String j ? j : null)) {
            problems.add(problem("content.justification", "problem.office.justification", computed, determined));
        }
    }

    private static boolean holds(Type type, Object v) {
        return switch (type) {
            case TEXT, STEP -> v instanceof String s && !s.isBlank();
            case FREE -> v instanceof String;
            case BOOLEAN -> v instanceof Boolean;
            case MONTHS -> v instanceof Long n && n >= 1 && n <= 120;
            case DATE -> v instanceof String s && date(s);
            case CLASSIFICATION -> v instanceof String s && isClassification(s);
            case REPORTER -> "USER".equals(v) || "PROVIDER".equals(v);
            case RESULT -> "SATISFACTORY".equals(v) || "ACTION_NEEDED".equals(v);
            case SHA256 -> v instanceof String s && SHA256_HEX.matcher(s).matches();
            case ANSWERS -> v instanceof Map<?, ?>;
        };
    }

    private static boolean isClassification(String s) {
        for (Classification c : Classification.values()) {
            if (c.name().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean date(String s) {
        try {
            return LocalDate.parse(s).toString().equals(s);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Problem problem(String field, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = field;
        System.arraycopy(args, 0, all, 1, args.length);
        return Problem.error(ProblemCode.OFFICE_RECORD_INVALID, new Location("<office record>", 0, 0, field),
                Message.of(key, all), Message.of("hint.office.invalid"));
    }
}
