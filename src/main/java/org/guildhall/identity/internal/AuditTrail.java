package org.guildhall.identity.internal;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.PeopleImported;
import org.guildhall.people.ProfileUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Writes what happened to people data into the audit trail, from the people module's events. */
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
	}

	@ApplicationModuleListener
	void on(ProfileUpdated event) {
		String editor = identity.account(event.editorAccountId()).map(a -> a.email()).orElse("account " + event.editorAccountId());
		identity.audit(editor, "profile-updated", "person " + event.personId(), null);
	}
}
