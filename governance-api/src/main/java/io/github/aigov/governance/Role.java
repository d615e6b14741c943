package io.github.aigov.governance;

/**
 * Who acts on one of the ministry's duties, in the guideline's own terms: it sets rules for each
 * ministry's CAIO, planner, provider and user (①AI統括責任者（CAIO）、②企画者、③提供者、④利用者),
 * and names the ministry itself (各府省) and the advisory board where a duty is theirs.
 */
public enum Role {
    /** AI統括責任者（CAIO）: one per ministry; oversees use, governance and risk, and receives risk-case reports. */
    CAIO,
    /** 企画者: plans the system and, with the provider, writes its specifications and contracts. */
    PLANNER,
    /** 提供者: provides or operates the system. */
    PROVIDER,
    /** 利用者: the ministry's staff who use the system. */
    USER,
    /** 各府省: the ministry as a whole. */
    MINISTRY,
    /** 先進的AI利活用アドバイザリーボード (secretariat: the Digital Agency). */
    ADVISORY_BOARD
}
