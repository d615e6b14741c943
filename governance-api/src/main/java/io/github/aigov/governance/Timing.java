package io.github.aigov.governance;

/** When one of the ministry's duties falls due, in the order of a system's life. */
public enum Timing {
    /** Before the system is procured: while it is planned and its specifications are written. */
    BEFORE_PROCUREMENT,
    /** When the system is procured and the contract is made. */
    AT_PROCUREMENT,
    /** Once the system is in operation, for as long as it runs. */
    AFTER_GO_LIVE,
    /** At regular intervals. */
    PERIODICALLY,
    /** Whenever a risk case (リスクケース) occurs. */
    ON_RISK_CASE
}
