package io.github.aigov.governance.rules.internal.facts;

/** The profile's scope and procurement answers. */
public final class ProfileFact {
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
    public String toString() {
        return "Profile(textGeneration=" + textGeneration + ", specifiedSecrets=" + specifiedSecrets
                + ", vendorTrainsModel=" + vendorTrainsModel + ", procurementForm=" + procurementForm + ")";
    }
}
