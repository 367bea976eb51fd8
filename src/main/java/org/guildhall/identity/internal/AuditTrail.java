package org.guildhall.identity.internal;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.PeopleImported;
import org.guildhall.people.ProfileUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes what happened to people data into the audit trail, from the people module's events, and
 * signs out people an HR import deactivated.
 */
@Component
class AuditTrail {

	private final IdentityManagement identity;

	AuditTrail(IdentityManagement identity) {
		this.identity = identity;
	}

	@ApplicationModuleListener
	void on(PeopleImported event) {
		identity.audit(event.appliedBy() != null ? event.appliedBy() : "hr-import", "people-imported", "import " + event.importId(),
				event.created() + " created, " + event.updated() + " updated, " + event.deactivated() + " deactivated");
		if (event.deactivated() > 0) {
			// their new sign-ins and tokens already fail; this ends the sessions they still have open
			identity.endSessionsOfDeactivated();
		}
	}

	@ApplicationModuleListener
	void on(ProfileUpdated event) {
		String editor = identity.account(event.editorAccountId()).map(a -> a.email()).orElse("account " + event.editorAccountId());
		identity.audit(editor, "profile-updated", "person " + event.personId(), null);
	}
}
