package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.rules.internal.model.Definitions;
import io.github.aigov.governance.rules.internal.model.Sheets.Checklist;
import io.github.aigov.governance.rules.internal.model.Sheets.DefinitionSetModel;
import io.github.aigov.governance.rules.internal.model.Sheets.RiskSheet;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.Suggest;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import io.github.aigov.governance.rules.internal.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a whole definition set (manifest and sheets), checks it, and computes its content hash.
 * Every problem in every file is collected; the result is returned only when there is no error.
 */
public final class DefinitionLoader {
    /** Where the shipped guideline versions are listed. */
    public static final String VERSIONS = "ds920/versions.yaml";

    private final InputLimits limits;

    public DefinitionLoader(InputLimits limits) {
        this.limits = limits;
    }

    /** The shipped versions, in order, with their manifest's class-path location; and the latest. */
    public record Shipped(Map<String, String> versions, String latest) {
    }

    public Shipped shipped() {
        Problems problems = new Problems();
        DocumentSource src = DocumentSource.classpath("");
        YNode root = read(src, VERSIONS, problems);
        Map<String, String> versions = new LinkedHashMap<>();
        String latest = null;
        Fields f = root == null ? null : Fields.of(root, "", problems, Set.of("kind", "guideline", "latest", "versions"));
        if (f != null) {
            latest = f.text("latest", true);
            for (YNode n : f.list("versions", true)) {
                Fields v = Fields.of(n, "versions", problems, Set.of("version", "path"));
                if (v != null) {
                    versions.put(v.text("version", true), v.text("path", true));
                }
            }
        }
        problems.throwIfErrors();
        return new Shipped(versions, latest);
    }

    /** The shipped set of this version ({@code null}: the latest). */
    public Definitions loadShipped(String version) {
        Shipped shipped = shipped();
        String v = version == null ? shipped.latest() : version;
        String manifest = shipped.versions().get(v);
        if (manifest == null) {
            Problems problems = new Problems();
            problems.errorWithHint(ProblemCode.UNKNOWN_VERSION, Location.of(VERSIONS),
                    Suggest.hint(v, shipped.versions().keySet()), "problem.version.unknown", v,
                    String.join(", ", shipped.versions().keySet()));
            problems.throwIfErrors();
        }
        int slash = manifest.lastIndexOf('/');
        String dir = "ds920/" + manifest.substring(0, slash + 1);
        return load(DocumentSource.classpath(dir), manifest.substring(slash + 1));
    }

    /** A set on disk, given its manifest file. */
    public Definitions loadFile(Path manifest) {
        return load(DocumentSource.directory(manifest.getParent()), manifest.getFileName().toString());
    }

    public Definitions load(DocumentSource src, String manifestName) {
        Problems problems = new Problems();
        MessageDigest digest = sha256();
        DefinitionParser parser = new DefinitionParser(problems, null);
        YNode root = read(src, manifestName, problems, digest);
        DefinitionSetModel set = root == null ? null : parser.definitionSet(root);
        RiskSheet risk = null;
        List<Checklist> checklists = new ArrayList<>();
        if (set != null) {
            for (String sheet : set.sheetFiles()) {
                YNode node = read(src, sheet, problems, digest);
                if (node == null) {
                    continue;
                }
                String kind = parser.kindOf(node);
                if ("RiskAssessmentSheet".equals(kind)) {
                    if (risk != null) {
                        problems.error(ProblemCode.DUPLICATE_ID, node.location(), "problem.sheet.second-risk");
                    } else {
                        risk = parser.riskSheet(node);
                    }
                } else if ("Checklist".equals(kind) || "ObligationSheet".equals(kind)) {
                    Checklist c = "Checklist".equals(kind) ? parser.checklist(node) : parser.obligationSheet(node);
                    if (c != null) {
                        checklists.add(c);
                    }
                } else {
                    problems.errorWithHint(ProblemCode.INVALID_VALUE, Fields.located(node.location(), "kind"),
                            Message.of("hint.one-of", "RiskAssessmentSheet, Checklist, ObligationSheet"), "problem.kind",
                            Fields.abbreviate(String.valueOf(kind)), "RiskAssessmentSheet | Checklist | ObligationSheet");
                }
            }
            if (risk == null && !problems.hasErrors()) {
                problems.error(ProblemCode.MISSING_FIELD, set.location(), "problem.sheet.no-risk");
            }
        }
        // The checklists first, then the obligation sheets, each in the manifest's order: the ministry's duties
        // are decided, listed and traced after the items, wherever the manifest names them.
        checklists.sort(java.util.Comparator.comparing(Checklist::obligations));
        if (risk != null && !problems.hasErrors()) {
            new DefinitionChecker(problems).check(risk, checklists);
        }
        // The questionnaire decides nothing: it is read and checked with the set, but not hashed, so that
        // rewording a question leaves every decision made with these definitions replayable. It is checked
        // against the sheets, so only once they are sound.
        Questionnaire questionnaire = null;
        if (set != null && set.questionnaireFile() != null && risk != null && !problems.hasErrors()) {
            YNode node = read(src, set.questionnaireFile(), problems, sha256());
            if (node != null) {
                questionnaire = new QuestionnaireParser(problems, null).questionnaire(node, set, risk);
            }
        }
        problems.throwIfErrors();
        return new Definitions(set, risk, checklists, "sha256:" + HexFormat.of().formatHex(digest.digest()), List.of(),
                problems.warnings(), questionnaire);
    }

    private YNode read(DocumentSource src, String name, Problems problems) {
        return read(src, name, problems, sha256());
    }

    /** Reads one file; a set's hash covers each file's name and bytes, an overlay's only its bytes. */
    YNode read(DocumentSource src, String name, Problems problems, MessageDigest digest) {
        return read(src, name, problems, digest, true);
    }

    YNode read(DocumentSource src, String name, Problems problems, MessageDigest digest, boolean digestNames) {
        String label = src.label(name);
        byte[] bytes;
        try {
            bytes = src.read(name, limits.maxDocumentBytes());
        } catch (IOException e) {
            DocumentFile.refuse(e, label, problems);
            return null;
        }
        if (digestNames) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        digest.update(bytes);
        if (digestNames) {
            digest.update((byte) 0);
        }
        String text;
        try {
            text = DocumentFile.utf8(bytes);
        } catch (CharacterCodingException e) {
            DocumentFile.refuse(e, label, problems);
            return null;
        }
        return new YamlReader(limits).read(text, label, problems);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
