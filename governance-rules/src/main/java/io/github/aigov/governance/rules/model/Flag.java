package io.github.aigov.governance.rules.model;

/** The yes/no facts of a profile that a condition may test. */
public enum Flag {
    textGeneration, specifiedSecrets, vendorTrainsModel
}
