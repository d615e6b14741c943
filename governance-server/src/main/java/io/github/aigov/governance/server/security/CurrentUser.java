package io.github.aigov.governance.server.security;

import java.security.Principal;

/** The user a request acts for: who, with which role, in which organisation. */
public record CurrentUser(long id, String name, Role role, long organisationId, String organisation) implements Principal {

    @Override
    public String getName() {
        return name;
    }

    /** Whether this user may see what belongs to that organisation. */
    public boolean sees(long otherOrganisationId) {
        return role.readsEveryOrganisation() || otherOrganisationId == organisationId;
    }
}
