package io.github.aigov.governance;

/**
 * Every problem the library reports, with its permanent id. Ids are never reused: a retired
 * code stays here, marked deprecated. Tests assert the id, not the wording.
 */
public enum ProblemCode {
    /** The YAML (or JSON) is not well formed. */
    YAML_SYNTAX("GOV-0001"),
    /** A field that the format does not have. */
    UNKNOWN_FIELD("GOV-0002"),
    /** A required field is missing. */
    MISSING_FIELD("GOV-0003"),
    /** A field has the wrong type (a list where text was expected, ...). */
    WRONG_TYPE("GOV-0004"),
    /** Two definitions share an id. */
    DUPLICATE_ID("GOV-0005"),
    /** A reference to an axis, option, item or group that does not exist. */
    UNKNOWN_REFERENCE("GOV-0006"),
    /** A value outside its closed vocabulary (a level, status, form, flag, provenance, ...). */
    INVALID_VALUE("GOV-0007"),
    /** An identifier that does not match the identifier pattern. */
    INVALID_ID("GOV-0008"),
    /** A file that cannot be read. */
    UNREADABLE_FILE("GOV-0009"),
    /** A document over the configured size, depth or alias limits. */
    LIMIT_EXCEEDED("GOV-0010"),
    /** A profile field that violates a constraint (blank, too long, ...). */
    CONSTRAINT_VIOLATION("GOV-0011"),
    /** A profile answers an axis with an option the definitions do not have. */
    UNKNOWN_OPTION("GOV-0012"),
    /** A profile does not answer an axis the definitions have. */
    MISSING_AXIS_ANSWER("GOV-0013"),
    /** A profile answers an axis the definitions do not have. */
    UNKNOWN_AXIS("GOV-0014"),
    /** A guideline version that is not shipped. */
    UNKNOWN_VERSION("GOV-0015"),
    /** A rule that can never decide anything (warning). */
    UNREACHABLE_RULE("GOV-0016"),
    /** An overlay whose base does not match the definition set it is applied to. */
    OVERLAY_BASE_MISMATCH("GOV-0017"),
    /**
     * Some answer that no rule decides (evaluation would fail): a checklist item without a status,
     * an in-scope answer without a classification, or a classification without an escalation decision.
     */
    ITEM_NOT_COVERED("GOV-0018"),
    /** A YAML tag or construct outside plain data (custom tags, ...). */
    UNSUPPORTED_YAML("GOV-0019"),
    /** A record's definitions (hash, version or overlays) are not the ones available to replay it. */
    DEFINITIONS_MISMATCH("GOV-0020"),
    /** An audit log whose chain is broken: a record altered, removed, inserted, reordered or torn. */
    AUDIT_LOG_BROKEN("GOV-0021"),
    /** A profile field that cannot be redacted because the decision depends on it. */
    NOT_REDACTABLE("GOV-0022"),
    /** No record with this decision id in the audit log. */
    RECORD_NOT_FOUND("GOV-0023"),
    /** The audit log could not be written or read. */
    AUDIT_IO("GOV-0024"),
    /** A report to the advisory board was asked for a decision that does not require escalation. */
    BOARD_REPORT_NOT_REQUIRED("GOV-0025"),
    /** The answer space is too large to check every rule and answer exactly at load (warning). */
    ANALYSIS_SKIPPED("GOV-0026"),
    /**
     * An output file that is one of the command's own inputs (its profile, an overlay, the
     * definitions, the audit log, the batch's input): refused before anything is written.
     */
    OUTPUT_IS_INPUT("GOV-0027"),
    /** An output file that cannot be written where it is named: its folder is missing, it is a folder, or it is read-only. */
    OUTPUT_NOT_WRITABLE("GOV-0028"),
    /**
     * An audit log line that is not a well-formed line of its format (a duplicate key, a field the
     * format does not have, a value of the wrong kind, an unknown format), or whose record is not a
     * decision record of the schema version it names.
     */
    AUDIT_LINE_INVALID("GOV-0029"),
    /** A signed audit record whose signature does not verify with the key it names: altered after signing, or forged. */
    AUDIT_SIGNATURE_INVALID("GOV-0030"),
    /**
     * An audit record that is not signed by a trusted key: unsigned where a signature is required,
     * signed by a key that was not given, or unsigned after signed records.
     */
    AUDIT_NOT_SIGNED("GOV-0031"),
    /** An audit log that does not reach, or does not match, a checkpoint taken earlier: records were dropped or rewritten. */
    AUDIT_CHECKPOINT_MISMATCH("GOV-0032"),
    /** An audit signing or public key file that cannot be read, used or written. */
    AUDIT_KEY_INVALID("GOV-0033"),
    /** An append that would mix signed and unsigned records in one audit log. */
    AUDIT_SIGNING_MISMATCH("GOV-0034"),
    /** Audit records in the first line format, which hashed only each record and the previous hash (warning). */
    AUDIT_LEGACY_FORMAT("GOV-0035"),
    /** A record of the CAIO's office (determination, board advice, evidence, risk case, verification) that is not as its kind's schema states. */
    OFFICE_RECORD_INVALID("GOV-0036"),
    /** A record of the CAIO's office about a decision the audit log does not hold where the record says. */
    AUDIT_RECORD_UNBOUND("GOV-0037"),
    // GOV-01nn: the service's own problems (governance-server), kept in a range of their own.
    /** No such resource, or not one the user may see: an id of another organisation answers the same. */
    NOT_FOUND("GOV-0100"),
    /** A request body in a media type (or charset) the endpoint does not read. */
    UNSUPPORTED_MEDIA_TYPE("GOV-0101"),
    /** No credentials, or credentials that name no current user. */
    AUTHENTICATION_REQUIRED("GOV-0102"),
    /** The user's role may not do this. */
    FORBIDDEN("GOV-0103"),
    /** A request the endpoint cannot take: a bad parameter, method or accepted media type. */
    BAD_REQUEST("GOV-0104"),
    /** The request conflicts with what is stored (a profile id already registered, a different profile id). */
    CONFLICT("GOV-0105"),
    /** The rules could not be compiled: a defect in the library, not in the input. */
    INTERNAL_COMPILE_ERROR("GOV-0900"),
    /** An evaluation ended without a complete decision: a defect, never a silent "not required". */
    INTERNAL_EVALUATION_ERROR("GOV-0901"),
    /** The service failed for a reason that is not the request's: a defect or its database. */
    INTERNAL_SERVICE_ERROR("GOV-0902");

    private final String id;

    ProblemCode(String id) {
        this.id = id;
    }

    /** The permanent id, {@code GOV-nnnn}. */
    public String id() {
        return id;
    }

    /** Whether this code reports a defect of the library rather than bad input. */
    public boolean internal() {
        return id.startsWith("GOV-09");
    }
}
