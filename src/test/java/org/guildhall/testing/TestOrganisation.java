package org.guildhall.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;

/**
 * A small organisation for one test, with unique e-mails: an administrator, a programme manager
 * and two employees (Ann reports to the admin, Bo to Ann). Everyone's password is {@link #PASSWORD}.
 */
public record TestOrganisation(String run, Member admin, Member pm, Member ann, Member bo) {

	public static final String PASSWORD = "correct horse battery staple";

	public record Member(String email, long personId, long accountId) {
	}

	public static TestOrganisation create(HrImports imports, IdentityManagement identity, PeopleDirectory directory) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String csv = """
				employee_id,email,full_name,title,department,location,manager,skills,mentoring,mentoring_capacity
				ADM-%1$s,admin-%1$s@example.com,Ada Admin,Head of People,People,Berlin,,,NONE,0
				PM-%1$s,pm-%1$s@example.com,Pat Manager,Programme Manager,People,Berlin,ADM-%1$s,,NONE,0
				ANN-%1$s,ann-%1$s@example.com,Ann Okafor,Engineering Lead,Engineering,Lisbon,ADM-%1$s,Java:5:teach,MENTOR,2
				BO-%1$s,bo-%1$s@example.com,Bo Ek,Engineer,Engineering,Lisbon,ANN-%1$s,JS:2:learn,MENTEE,0
				""".formatted(run);
		HrImportStatus preview = imports.uploadAndPreview("org.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		return new TestOrganisation(run,
				member(identity, directory, "admin-" + run + "@example.com", "Ada Admin", EnumSet.of(Role.ADMIN, Role.EMPLOYEE)),
				member(identity, directory, "pm-" + run + "@example.com", "Pat Manager", EnumSet.of(Role.PROGRAMME_MANAGER, Role.EMPLOYEE)),
				member(identity, directory, "ann-" + run + "@example.com", "Ann Okafor", EnumSet.of(Role.EMPLOYEE)),
				member(identity, directory, "bo-" + run + "@example.com", "Bo Ek", EnumSet.of(Role.EMPLOYEE)));
	}

	private static Member member(IdentityManagement identity, PeopleDirectory directory, String email, String name,
			EnumSet<Role> roles) {
		var account = identity.create(new NewAccount(email, name, roles), PASSWORD);
		return new Member(email, directory.findIdByEmail(email).orElseThrow(), account.id());
	}

	public String token(IdentityManagement identity, Member member) {
		return identity.issueToken(member.accountId(), "test", 1).secret();
	}
}
