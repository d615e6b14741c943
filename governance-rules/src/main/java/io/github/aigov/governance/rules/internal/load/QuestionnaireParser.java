package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionHelp;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.QuestionnaireSection;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.rules.internal.model.Sheets.Axis;
import io.github.aigov.governance.rules.internal.model.Sheets.DefinitionSetModel;
import io.github.aigov.governance.rules.internal.model.Sheets.Option;
import io.github.aigov.governance.rules.internal.model.Sheets.RiskSheet;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.Suggest;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a questionnaire ({@code kind: Questionnaire}) and checks it against the definition set it
 * belongs to: it is for that guideline and version, every question sets a profile field (each field
 * once, every field the profile requires asked, {@code optional} exactly where the profile may omit
 * it), is answered the way its field takes values, and offers exactly that field's answers: true and
 * false, the procurement forms, or the axis' options in the risk sheet. Every problem is reported with
 * its location, and reading goes on.
 */
public final class QuestionnaireParser {
    /** The profile's fields other than the axes, in the officer's order, with how each is answered. */
    public static final Map<String, Question.Type> PROFILE_FIELDS = profileFields();
    /** The one profile field a profile may leave out. */
    static final String OPTIONAL_FIELD = "description";
    private static final Map<String, Question.Type> TYPES = Map.of("text", Question.Type.TEXT, "boolean",
            Question.Type.BOOLEAN, "choice", Question.Type.CHOICE);
    private static final Set<String> TOP = Set.of("kind", "id", "guideline", "guidelineVersion", "title", "provenance",
            "citation", "sections");
    private static final Set<String> SECTION = Set.of("id", "title", "provenance", "citation", "questions");
    private static final Set<String> QUESTION = Set.of("id", "sets", "type", "axis", "optional", "question", "provenance",
            "citation", "help", "options");
    static final Set<String> HELP = Set.of("explanation", "examples", "provenance", "citation");
    static final Set<String> OPTION = Set.of("id", "value", "meaning", "examples", "designChoice", "change", "provenance",
            "citation");

    private final Problems problems;
    private final String overlay;

    /** @param overlay the overlay these nodes come from, or {@code null} for a base set */
    public QuestionnaireParser(Problems problems, String overlay) {
        this.problems = problems;
        this.overlay = overlay;
    }

    private static Map<String, Question.Type> profileFields() {
        Map<String, Question.Type> m = new LinkedHashMap<>();
        m.put("id", Question.Type.TEXT);
        m.put("name", Question.Type.TEXT);
        m.put("organisation", Question.Type.TEXT);
        m.put("description", Question.Type.TEXT);
        m.put("scope.textGeneration", Question.Type.BOOLEAN);
        m.put("scope.specifiedSecrets", Question.Type.BOOLEAN);
        m.put("model.name", Question.Type.TEXT);
        m.put("model.vendor", Question.Type.TEXT);
        m.put("procurement.form", Question.Type.CHOICE);
        m.put("procurement.vendorTrainsModel", Question.Type.BOOLEAN);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The questionnaire, or {@code null} when it is too broken to read (the problems say why). */
    public Questionnaire questionnaire(YNode root, DefinitionSetModel set, RiskSheet risk) {
        Fields f = Fields.of(root, "", problems, TOP);
        if (f == null) {
            return null;
        }
        String kind = f.text("kind", true);
        if (kind != null && !kind.equals("Questionnaire")) {
            problems.error(ProblemCode.INVALID_VALUE, f.at("kind"), "problem.kind", Fields.abbreviate(kind), "Questionnaire");
        }
        String id = f.id("id");
        String guideline = f.text("guideline", true);
        String version = f.text("guidelineVersion", true);
        if (set != null && guideline != null && version != null
                && (!guideline.equals(set.id()) || !version.equals(set.version()))) {
            problems.error(ProblemCode.INVALID_VALUE, f.at(guideline.equals(set.id()) ? "guidelineVersion" : "guideline"),
                    "problem.questionnaire.version", Fields.abbreviate(guideline), Fields.abbreviate(version), set.id(),
                    set.version());
        }
        LocalizedText title = f.localized("title", true);
        SourceRef source = source(f, id);

        Map<String, Location> sets = new LinkedHashMap<>();
        Map<String, Location> questionIds = new HashMap<>();
        Map<String, Location> sectionIds = new HashMap<>();
        List<QuestionnaireSection> sections = new ArrayList<>();
        List<YNode> sectionNodes = f.list("sections", true);
        for (int i = 0; i < sectionNodes.size(); i++) {
            QuestionnaireSection s = section(sectionNodes.get(i), "sections[" + i + "]", risk, sets, questionIds, sectionIds);
            if (s != null) {
                sections.add(s);
            }
        }
        if (!f.has("sections") || sectionNodes.isEmpty()) {
            if (f.has("sections")) {
                problems.error(ProblemCode.MISSING_FIELD, f.at("sections"), "problem.field.missing", "sections");
            }
        } else {
            for (String field : fields(risk)) {
                if (!sets.containsKey(field) && !field.equals(OPTIONAL_FIELD)) {
                    problems.errorWithHint(ProblemCode.MISSING_FIELD, f.at("sections"),
                            Message.of("hint.questionnaire.unasked", field), "problem.questionnaire.unasked", field);
                }
            }
        }
        if (id == null || title == null || source == null || version == null) {
            return null;
        }
        return new Questionnaire(id, version, title, sections, source);
    }

    /** The fields a question may set: the profile's own, then {@code axes.<axis>} for each axis of the set. */
    static List<String> fields(RiskSheet risk) {
        List<String> out = new ArrayList<>(PROFILE_FIELDS.keySet());
        if (risk != null) {
            risk.axes().forEach(a -> out.add("axes." + a.meta().id()));
        }
        return out;
    }

    private QuestionnaireSection section(YNode n, String path, RiskSheet risk, Map<String, Location> sets,
                                         Map<String, Location> questionIds, Map<String, Location> sectionIds) {
        Fields s = Fields.of(n, path, problems, SECTION);
        if (s == null) {
            return null;
        }
        String id = s.id("id");
        unique(id, s.at("id"), sectionIds);
        LocalizedText title = s.localized("title", true);
        SourceRef source = source(s, id);
        List<Question> questions = new ArrayList<>();
        List<YNode> nodes = s.list("questions", true);
        if (s.has("questions") && nodes.isEmpty()) {
            problems.error(ProblemCode.MISSING_FIELD, s.at("questions"), "problem.field.missing", "questions");
        }
        for (int i = 0; i < nodes.size(); i++) {
            Question q = question(nodes.get(i), s.path("questions") + "[" + i + "]", risk, sets, questionIds);
            if (q != null) {
                questions.add(q);
            }
        }
        return id == null || title == null || source == null ? null : new QuestionnaireSection(id, title, questions, source);
    }

    private Question question(YNode n, String path, RiskSheet risk, Map<String, Location> sets,
                              Map<String, Location> questionIds) {
        Fields q = Fields.of(n, path, problems, QUESTION);
        if (q == null) {
            return null;
        }
        String id = q.id("id");
        unique(id, q.at("id"), questionIds);
        String field = q.text("sets", true);
        Question.Type type = q.choice("type", TYPES, true);
        String axis = q.has("axis") ? q.id("axis") : null;
        Boolean optional = q.has("optional") ? q.bool("optional", false) : Boolean.FALSE;
        LocalizedText text = q.localized("question", true);
        SourceRef source = source(q, id);
        QuestionHelp help = q.has("help") ? help(q.node("help"), q.path("help"), id) : null;
        if (!q.has("help")) {
            problems.error(ProblemCode.MISSING_FIELD, q.at("help"), "problem.field.missing", "help");
        }

        // the field it sets, and what follows from it: how it is answered, and with what
        Axis axisSheet = null;
        Question.Type expected = null;
        List<String> allowed = null;
        if (field != null) {
            List<String> known = fields(risk);
            if (!known.contains(field)) {
                problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, q.at("sets"), Suggest.hint(field, known),
                        "problem.questionnaire.field", Fields.abbreviate(field));
                field = null;
            } else {
                Location before = sets.putIfAbsent(field, q.at("sets"));
                if (before != null) {
                    problems.error(ProblemCode.DUPLICATE_ID, q.at("sets"), "problem.questionnaire.field-twice", field, before);
                }
                if (field.startsWith("axes.")) {
                    String axisId = field.substring("axes.".length());
                    axisSheet = risk.axes().stream().filter(a -> axisId.equals(a.meta().id())).findFirst().orElseThrow();
                    expected = Question.Type.CHOICE;
                    allowed = axisSheet.options().stream().map(o -> o.meta().id()).toList();
                } else {
                    expected = PROFILE_FIELDS.get(field);
                    allowed = switch (expected) {
                        case BOOLEAN -> List.of("true", "false");
                        case CHOICE -> Arrays.stream(ProcurementForm.values()).map(Enum::name).toList();
                        case TEXT -> List.of();
                    };
                }
                if (type != null && type != expected) {
                    problems.errorWithHint(ProblemCode.INVALID_VALUE, q.at("type"),
                            Message.of("hint.one-of", expected.name().toLowerCase(java.util.Locale.ROOT)),
                            "problem.questionnaire.type", field, type.name().toLowerCase(java.util.Locale.ROOT));
                }
                if (Boolean.TRUE.equals(optional) != field.equals(OPTIONAL_FIELD)) {
                    problems.error(ProblemCode.INVALID_VALUE, q.at("optional"), "problem.questionnaire.optional", field);
                }
            }
        }
        if (axis != null && (axisSheet == null || !axis.equals(axisSheet.meta().id())) && field != null) {
            problems.error(ProblemCode.INVALID_VALUE, q.at("axis"), "problem.questionnaire.axis", Fields.abbreviate(axis), field);
        }

        List<QuestionOption> options = new ArrayList<>();
        List<YNode> nodes = q.list("options", false);
        Question.Type answered = type != null ? type : expected;
        if (answered == Question.Type.TEXT && q.has("options")) {
            problems.error(ProblemCode.UNKNOWN_FIELD, q.at("options"), "problem.questionnaire.text-options");
        } else if (answered != null && answered != Question.Type.TEXT && !q.has("options")) {
            problems.error(ProblemCode.MISSING_FIELD, q.at("options"), "problem.field.missing", "options");
        }
        Map<String, Location> seen = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String p = q.path("options") + "[" + i + "]";
            QuestionOption o = option(nodes.get(i), p, answered);
            if (o == null) {
                continue;
            }
            Location at = Fields.located(nodes.get(i).location(), p);
            Location before = seen.putIfAbsent(o.value(), at);
            if (before != null) {
                problems.error(ProblemCode.DUPLICATE_ID, at, "problem.id.duplicate", Fields.abbreviate(o.value()), before);
            } else if (allowed != null && answered != Question.Type.TEXT && !allowed.contains(o.value())) {
                problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, at, Suggest.hint(o.value(), allowed),
                        "problem.questionnaire.option", Fields.abbreviate(o.value()), field);
            } else {
                options.add(o);
            }
        }
        if (allowed != null && answered != Question.Type.TEXT && q.has("options")) {
            for (String a : allowed) {
                if (!seen.containsKey(a)) {
                    problems.errorWithHint(ProblemCode.MISSING_FIELD, q.at("options"),
                            Message.of("hint.questionnaire.unoffered", a), "problem.questionnaire.unoffered", a, field);
                }
            }
        }
        if (id == null || field == null || type == null || text == null || help == null || source == null || optional == null) {
            return null;
        }
        return new Question(id, field, type, axisSheet == null ? null : axisSheet.meta().id(), optional, text, help, options,
                source);
    }

    /** A question's help. */
    QuestionHelp help(YNode n, String path, String questionId) {
        Fields h = Fields.of(n, path, problems, HELP);
        if (h == null) {
            return null;
        }
        LocalizedText explanation = h.localized("explanation", true);
        List<LocalizedText> examples = examples(h, true);
        SourceRef source = source(h, questionId + ".help");
        return explanation == null || examples == null || source == null ? null
                : new QuestionHelp(explanation, examples, source);
    }

    /** An answer: by {@code id} for a choice, by {@code value} for a yes/no question. */
    private QuestionOption option(YNode n, String path, Question.Type type) {
        Fields o = Fields.of(n, path, problems, OPTION);
        if (o == null) {
            return null;
        }
        String value = null;
        if (type == Question.Type.BOOLEAN) {
            if (o.has("id")) {
                problems.error(ProblemCode.UNKNOWN_FIELD, o.at("id"), "problem.questionnaire.option-key", "value", "id");
            }
            Boolean b = o.bool("value", true);
            value = b == null ? null : b.toString();
        } else if (type == Question.Type.CHOICE) {
            if (o.has("value")) {
                problems.error(ProblemCode.UNKNOWN_FIELD, o.at("value"), "problem.questionnaire.option-key", "id", "value");
            }
            value = o.id("id");
        }
        LocalizedText meaning = o.localized("meaning", true);
        List<LocalizedText> examples = examples(o, true);
        Boolean designChoice = o.bool("designChoice", true);
        LocalizedText change = o.localized("change", true);
        SourceRef source = source(o, value == null ? "?" : value);
        if (value == null || meaning == null || examples == null || designChoice == null || change == null || source == null) {
            return null;
        }
        return new QuestionOption(value, meaning, examples, designChoice, change, source);
    }

    /** One or two examples, each in both languages; {@code null} when absent and required, or wrong. */
    List<LocalizedText> examples(Fields f, boolean required) {
        if (!f.has("examples")) {
            if (required) {
                problems.error(ProblemCode.MISSING_FIELD, f.at("examples"), "problem.field.missing", "examples");
            }
            return null;
        }
        List<YNode> nodes = f.list("examples", true);
        if (nodes.isEmpty() || nodes.size() > 2) {
            problems.error(ProblemCode.INVALID_VALUE, f.at("examples"), "problem.questionnaire.examples", nodes.size());
            return null;
        }
        List<LocalizedText> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Fields e = Fields.of(nodes.get(i), f.path("examples") + "[" + i + "]", problems, Set.of("ja", "en"));
            if (e == null) {
                return null;
            }
            String ja = e.text("ja", true);
            String en = e.text("en", true);
            if (ja == null || en == null) {
                return null;
            }
            out.add(new LocalizedText(ja, en));
        }
        return out;
    }

    /** Where a part was written, with its provenance and citation; {@code null} when either is wrong. */
    SourceRef source(Fields f, String id) {
        Provenance p = f.choice("provenance", DefinitionParser.PROVENANCE, true);
        LocalizedText citation = f.citation("citation", true);
        Location l = f.location();
        return p == null || citation == null ? null
                : new SourceRef(id == null ? "?" : id, l.file(), l.line(), l.column(), p, citation, overlay);
    }

    private void unique(String id, Location at, Map<String, Location> seen) {
        if (id == null) {
            return;
        }
        Location before = seen.putIfAbsent(id, at);
        if (before != null) {
            problems.error(ProblemCode.DUPLICATE_ID, at, "problem.id.duplicate", Fields.abbreviate(id), before);
        }
    }

    /** What an overlay's entry under {@code questions} may hold: the question's id, and what it rewords. */
    private static final Set<String> REWORDING = Set.of("id", "question", "help", "options", "provenance", "citation");

    /**
     * The base questionnaire as an overlay rewords it ({@code questions}: a question's text, its help, or
     * some of its answers, each whole), with the axes' options as the overlay leaves them: an option the
     * overlay adds to an axis is offered under its question, worded by the overlay's entry if it gives
     * one, else by the option's title. {@code null} when the base has no questionnaire.
     */
    public Questionnaire overlay(Questionnaire base, Fields overlay, RiskSheet risk) {
        List<YNode> entries = overlay.list("questions", false);
        if (base == null) {
            if (!entries.isEmpty()) {
                problems.error(ProblemCode.UNKNOWN_REFERENCE, overlay.at("questions"), "problem.overlay.no-questionnaire");
            }
            return null;
        }
        Map<String, Question> byId = new LinkedHashMap<>();
        base.questions().forEach(q -> byId.put(q.id(), q));
        Map<String, Location> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "questions[" + i + "]";
            Fields e = Fields.of(entries.get(i), path, problems, REWORDING);
            if (e == null) {
                continue;
            }
            String id = e.id("id");
            SourceRef source = source(e, id);
            if (id == null) {
                continue;
            }
            unique(id, e.at("id"), seen);
            Question q = byId.get(id);
            if (q == null) {
                problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, e.at("id"), Suggest.hint(id, byId.keySet()),
                        "problem.reference.question", Fields.abbreviate(id));
                continue;
            }
            LocalizedText text = e.localized("question", false);
            QuestionHelp help = e.has("help") ? help(e.node("help"), e.path("help"), id) : null;
            List<String> allowed = q.axis() != null ? axisOptions(risk, q.axis())
                    : q.options().stream().map(QuestionOption::value).toList();
            Map<String, QuestionOption> options = new LinkedHashMap<>();
            q.options().forEach(o -> options.put(o.value(), o));
            List<YNode> nodes = e.list("options", false);
            if (q.type() == Question.Type.TEXT && e.has("options")) {
                problems.error(ProblemCode.UNKNOWN_FIELD, e.at("options"), "problem.questionnaire.text-options");
                nodes = List.of();
            }
            Map<String, Location> reworded = new HashMap<>();
            for (int j = 0; j < nodes.size(); j++) {
                String p = e.path("options") + "[" + j + "]";
                QuestionOption o = option(nodes.get(j), p, q.type());
                if (o == null) {
                    continue;
                }
                Location at = Fields.located(nodes.get(j).location(), p);
                Location before = reworded.putIfAbsent(o.value(), at);
                if (before != null) {
                    problems.error(ProblemCode.DUPLICATE_ID, at, "problem.id.duplicate", Fields.abbreviate(o.value()), before);
                } else if (!allowed.contains(o.value())) {
                    problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, at, Suggest.hint(o.value(), allowed),
                            "problem.questionnaire.option", Fields.abbreviate(o.value()), q.sets());
                } else {
                    options.put(o.value(), o);
                }
            }
            if (source == null) {
                continue;
            }
            byId.put(id, new Question(q.id(), q.sets(), q.type(), q.axis(), q.optional(), text == null ? q.text() : text,
                    help == null ? q.help() : help, new ArrayList<>(options.values()), text == null ? q.source() : source));
        }
        // every axis question offers exactly its axis' options, in the axis' order
        for (Question q : List.copyOf(byId.values())) {
            if (q.axis() == null) {
                continue;
            }
            Axis axis = risk.axes().stream().filter(a -> a.meta().id().equals(q.axis())).findFirst().orElse(null);
            if (axis == null) {
                continue;
            }
            List<QuestionOption> options = new ArrayList<>();
            for (Option o : axis.options()) {
                options.add(q.option(o.meta().id()).orElseGet(() -> unworded(o)));
            }
            byId.put(q.id(), new Question(q.id(), q.sets(), q.type(), q.axis(), q.optional(), q.text(), q.help(), options,
                    q.source()));
        }
        List<QuestionnaireSection> sections = base.sections().stream()
                .map(s -> new QuestionnaireSection(s.id(), s.title(),
                        s.questions().stream().map(q -> byId.get(q.id())).toList(), s.source()))
                .toList();
        return new Questionnaire(base.id(), base.guidelineVersion(), base.title(), sections, base.source());
    }

    private static List<String> axisOptions(RiskSheet risk, String axis) {
        return risk.axes().stream().filter(a -> a.meta().id().equals(axis)).flatMap(a -> a.options().stream())
                .map(o -> o.meta().id()).toList();
    }

    /** The option of an axis that a questionnaire does not word: its definition's title stands for its meaning. */
    static QuestionOption unworded(Option option) {
        LocalizedText title = option.meta().title();
        return new QuestionOption(option.meta().id(), title, List.of(), true, title, option.meta().source());
    }
}
