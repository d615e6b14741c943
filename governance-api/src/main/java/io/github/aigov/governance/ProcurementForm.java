package io.github.aigov.governance;

/**
 * How the system is procured (after METI's AI contract checklist): a general-purpose AI service
 * used as it is, a vendor's model customised (retrieval, fine-tuning), or new development.
 */
public enum ProcurementForm {
    SAAS_API, CUSTOMISATION, NEW_DEVELOPMENT
}
