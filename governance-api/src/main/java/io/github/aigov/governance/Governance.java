package io.github.aigov.governance;

import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.spi.EngineOptions;
import io.github.aigov.governance.spi.GovernanceProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The entry point.
 *
 * <pre>{@code
 * GovernanceEngine engine = Governance.builder().build();           // shipped DS-920, latest version
 * ProjectProfile profile = Governance.readProfile(Path.of("project.yaml"));
 * Decision decision = engine.assess(profile);
 * }</pre>
 */
public final class Governance {

    private Governance() {
    }

    /** A builder for an engine over the shipped definitions (or files). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The guideline versions shipped with the engine, oldest first, e.g. {@code ["1.0", "2.0"]}:
     * what {@link Builder#guidelineVersion(String)} accepts.
     */
    public static List<String> guidelineVersions() {
        return provider().guidelineVersions();
    }

    /**
     * Reads a profile from a YAML (or JSON) file.
     *
     * @throws GovernanceException listing every problem, each with file, line and column
     */
    public static ProjectProfile readProfile(Path file) {
        return readProfile(file, InputLimits.DEFAULT);
    }

    /**
     * Reads a profile from a YAML (or JSON) file within these limits (a file over them is refused
     * with {@code GOV-0010}, before anything in it is interpreted).
     *
     * @throws GovernanceException listing every problem, each with file, line and column
     */
    public static ProjectProfile readProfile(Path file, InputLimits limits) {
        return provider().readProfile(Objects.requireNonNull(file, "file"), Objects.requireNonNull(limits, "limits"));
    }

    /** Parses a profile from YAML text; {@code sourceName} names it in error locations. */
    public static ProjectProfile parseProfile(String yaml, String sourceName) {
        return provider().parseProfile(yaml, sourceName, InputLimits.DEFAULT);
    }

    /** The decision as JSON: the serialisable record of what was decided and why. */
    public static String toJson(Decision decision) {
        return provider().toJson(decision);
    }

    /** The decision as JSON on one line (JSON Lines): the same content as {@link #toJson(Decision)}. */
    public static String toJsonLine(Decision decision) {
        return provider().toJsonLine(decision);
    }

    /**
     * Writes the decision as one line of JSON, UTF-8, with its line break, to a stream (left open):
     * the same content as {@link #toJsonLine(Decision)}, without building the text first.
     */
    public static void writeJsonLine(Decision decision, java.io.OutputStream out) throws java.io.IOException {
        provider().writeJsonLine(decision, out);
    }

    /** Reads back a decision written by {@link #toJson(Decision)}. */
    public static Decision fromJson(String json) {
        return provider().fromJson(json);
    }

    /**
     * Runs golden cases: every {@code *.yaml} case file in a directory (recursively), or one file,
     * against an engine. Results are in file order; a case that cannot be read fails with its problems.
     */
    public static List<CaseResult> runCases(GovernanceEngine engine, Path fileOrDirectory) {
        return provider().runCases(engine, fileOrDirectory);
    }

    /**
     * Runs golden cases, each against the definitions it was written for: {@code engineForVersion} is given
     * the shipped guideline version a case names ({@code guidelineVersion: "1.0"}), or {@code null} when it
     * names none, and returns the engine to run that case with (build each once and reuse it; to run every
     * case against one set, return that engine whatever the version). A case naming a version that is not
     * shipped fails with {@code GOV-0015} at that field. Results are in file order.
     *
     * @throws GovernanceException if the path does not exist, or as {@code engineForVersion} throws
     */
    public static List<CaseResult> runCases(Path fileOrDirectory,
                                            java.util.function.Function<String, GovernanceEngine> engineForVersion) {
        return provider().runCases(Objects.requireNonNull(fileOrDirectory, "fileOrDirectory"),
                Objects.requireNonNull(engineForVersion, "engineForVersion"));
    }

    /**
     * The DS-920 versions shipped with the definitions, in the order their list names them (oldest first),
     * e.g. {@code [1.0, 2.0]}: the values {@link Builder#guidelineVersion(String)} accepts.
     */
    public static List<String> shippedVersions() {
        return provider().shippedVersions();
    }

    /**
     * Compares the definitions of two engines (e.g. DS-920 1.0 and 2.0, or a set with and without an
     * overlay) and assesses each profile with both, reporting whose decision changes and why.
     */
    public static DefinitionDiff diff(GovernanceEngine from, GovernanceEngine to, List<ProjectProfile> profiles) {
        return provider().diff(from, to, profiles);
    }

    /**
     * The decision as a self-contained, versioned JSON record, with the named profile fields
     * redacted and listed under {@code redacted}. Redactable: {@code name}, {@code organisation},
     * {@code description}, {@code model.name}, {@code model.vendor} — never what the decision
     * depends on, so a redacted record can still be replayed. When fields are redacted, the record's
     * {@code profileHash} is the hash of the profile as recorded (redacted), so that nothing in the
     * record confirms a guess of a redacted value.
     */
    public static String toRecord(Decision decision, java.util.Set<String> sensitive) {
        return provider().toRecord(decision, sensitive);
    }

    /**
     * Reads a decision record back (its redacted fields stay {@code "[REDACTED]"}). Refused
     * ({@code GOV-0029}) unless it is exactly a decision record of a schema version this library
     * reads: no duplicate key, no field the schema does not have, no value of the wrong kind.
     */
    public static Decision fromRecord(String record) {
        return provider().fromRecord(record);
    }

    /**
     * A record of the CAIO's office as its canonical JSON (RFC 8785, as the audit log holds it; see
     * {@code office-record.schema.json}), the named free texts redacted.
     */
    public static String officeRecordToJson(io.github.aigov.governance.audit.OfficeRecord record, java.util.Set<String> sensitive) {
        return provider().officeRecordToJson(Objects.requireNonNull(record, "record"), sensitive);
    }

    /**
     * Reads a record of the CAIO's office back, strictly: refused ({@code GOV-0036}, naming the field)
     * unless it is exactly such a record of a schema version this library reads, with no duplicate key
     * and no member its kind does not have. {@code about.decisionHash} may be absent (a record not yet
     * appended).
     */
    public static io.github.aigov.governance.audit.OfficeRecord officeRecordFromJson(String json) {
        return provider().officeRecordFromJson(Objects.requireNonNull(json, "json"));
    }

    /**
     * The JSON Lines audit log in this file (created on first append), unsigned. Appending to a
     * signed log without its key is refused: open it with {@link #auditLog(Path, AuditSigningKey)}.
     */
    public static io.github.aigov.governance.audit.AuditLog auditLog(Path file) {
        return provider().auditLog(file, null);
    }

    /** The JSON Lines audit log in this file (created on first append); every record appended is signed with this key. */
    public static io.github.aigov.governance.audit.AuditLog auditLog(Path file, AuditSigningKey signingKey) {
        return provider().auditLog(Objects.requireNonNull(file, "file"), Objects.requireNonNull(signingKey, "signingKey"));
    }

    /** An audit log over an application's own store, unsigned. */
    public static io.github.aigov.governance.audit.AuditLog auditLog(io.github.aigov.governance.audit.AuditStore store) {
        return provider().auditLog(store, null);
    }

    /**
     * An audit log over an application's own store; every record appended is signed with this key.
     * The store keeps lines only: the chain, the signatures and their checks are the library's, so
     * a store gets the same guarantees as the file.
     */
    public static io.github.aigov.governance.audit.AuditLog auditLog(io.github.aigov.governance.audit.AuditStore store,
                                                                    AuditSigningKey signingKey) {
        return provider().auditLog(Objects.requireNonNull(store, "store"), Objects.requireNonNull(signingKey, "signingKey"));
    }

    /**
     * Reads an audit signing key from its PEM file, as {@link #writeAuditKeys} writes it (a
     * {@code PRIVATE KEY} block, PKCS#8, then its {@code PUBLIC KEY} block, X.509). Refused
     * ({@code GOV-0033}) when the file is not such a pair, or when others than its owner may read it.
     */
    public static AuditSigningKey readAuditSigningKey(Path file) {
        return provider().readAuditSigningKey(Objects.requireNonNull(file, "file"));
    }

    /** Reads an audit public key from its PEM file ({@code PUBLIC KEY} block, X.509); refused ({@code GOV-0033}) when it is not Ed25519. */
    public static java.security.PublicKey readAuditPublicKey(Path file) {
        return provider().readAuditPublicKey(Objects.requireNonNull(file, "file"));
    }

    /**
     * Writes a signing key's two files: the private one readable and writable by its owner only,
     * the public one for whoever verifies. Neither file may exist already: a key is never
     * overwritten ({@code GOV-0033}), and if either cannot be written, neither is left behind.
     */
    public static void writeAuditKeys(AuditSigningKey key, Path privateKeyFile, Path publicKeyFile) {
        provider().writeAuditKeys(Objects.requireNonNull(key, "key"), Objects.requireNonNull(privateKeyFile, "privateKeyFile"),
                Objects.requireNonNull(publicKeyFile, "publicKeyFile"));
    }

    /**
     * Re-evaluates a recorded decision with an engine, refusing (GOV-0020) when the engine's
     * definitions do not have the recorded version, hash and overlays.
     */
    public static io.github.aigov.governance.audit.ReplayResult replay(String record, GovernanceEngine engine) {
        return provider().replay(record, engine);
    }

    static GovernanceProvider provider() {
        return Holder.PROVIDER;
    }

    private static final class Holder {
        static final GovernanceProvider PROVIDER = load();

        private static GovernanceProvider load() {
            List<GovernanceProvider> found = new ArrayList<>();
            ServiceLoader.load(GovernanceProvider.class, Governance.class.getClassLoader()).forEach(found::add);
            if (found.isEmpty()) {
                throw new IllegalStateException("No governance engine on the class path: add the "
                        + "io.github.aigov:governance-rules artifact (it provides " + GovernanceProvider.class.getName() + ").");
            }
            return found.get(0);
        }
    }

    /** Configure, then {@link #build()}; the engine is immutable once built. */
    public static final class Builder {
        private String guidelineVersion;
        private Path definitions;
        private final List<Path> overlays = new ArrayList<>();
        private InputLimits limits = InputLimits.DEFAULT;

        private Builder() {
        }

        /** The shipped DS-920 version to use, e.g. {@code "1.0"}; default: the latest shipped. */
        public Builder guidelineVersion(String version) {
            this.guidelineVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** A definition set from files instead of the shipped one: the path of its {@code definition-set.yaml}. */
        public Builder definitions(Path definitionSetFile) {
            this.definitions = Objects.requireNonNull(definitionSetFile, "definitionSetFile");
            return this;
        }

        /** An overlay applied on top of the base set; repeatable, applied in order. */
        public Builder overlay(Path overlayFile) {
            overlays.add(Objects.requireNonNull(overlayFile, "overlayFile"));
            return this;
        }

        /** Limits for every document read while building. */
        public Builder limits(InputLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Loads, checks and compiles the definitions. Built whole or not at all.
         *
         * @throws GovernanceException listing every problem in every definition file
         */
        public GovernanceEngine build() {
            return provider().build(new EngineOptions(guidelineVersion, definitions, overlays, limits));
        }
    }
}
