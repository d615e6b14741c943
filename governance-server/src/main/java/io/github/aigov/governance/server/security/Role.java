package io.github.aigov.governance.server.security;

/**
 * What a user may do. Every role sees its own organisation only, but the Digital Agency, which
 * collects every ministry's inventory.
 */
public enum Role {
    /** A procurement officer: registers and revises the organisation's systems. */
    OFFICER,
    /** The Chief AI Officer's office: everything in its organisation. */
    CAIO,
    /** Reads and exports, writes nothing. */
    AUDITOR,
    /** Reads every organisation. */
    DIGITAL_AGENCY;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean readsEveryOrganisation() {
        return this == DIGITAL_AGENCY;
    }
}
