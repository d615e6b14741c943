package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.TraceFact;
/** The profile's scope and procurement answers. */
public final class ProfileFact implements Traced {
    private final boolean textGeneration;
    private final boolean specifiedSecrets;
    private final boolean vendorTrainsModel;
    private final String procurementForm;

    public ProfileFact(boolean textGeneration, boolean specifiedSecrets, boolean vendorTrainsModel, String procurementForm) {
        this.textGeneration = textGeneration;
        this.specifiedSecrets = specifiedSecrets;
        this.vendorTrainsModel = vendorTrainsModel;
        this.procurementForm = procurementForm;
    }

    public boolean isTextGeneration() {
        return textGeneration;
    }

    public boolean isSpecifiedSecrets() {
        return specifiedSecrets;
    }

    public boolean isVendorTrainsModel() {
        return vendorTrainsModel;
    }

    public String getProcurementForm() {
        return procurementForm;
    }

    @Override
    public TraceFact fact() {
        return TraceFact.profile(textGeneration, specifiedSecrets, vendorTrainsModel, procurementForm);
    }

    @Override
    public String toString() {
        return fact().text();
    }
}
