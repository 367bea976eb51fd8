package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.CurrentUser;

/**
 * An organisation for one insights test, with unique e-mails: an administrator, two programme
 * managers (the second runs nothing here), four mentors in Engineering and mentees in three
 * departments (6 in Engineering, 5 in Sales, 4 in Design: the suppression rule's 6, 5 and 4), all
 * enrolled in a running self-select programme owned by the first manager. Every account's password
 * is {@code correct horse battery staple}.
 */
record InsightsWorld(String run, CurrentUser admin, CurrentUser pm, CurrentUser otherPm, List<CurrentUser> mentors,
		List<CurrentUser> engineering, List<CurrentUser> sales, List<CurrentUser> design, long programmeId) {

	static final String PASSWORD = "correct horse battery staple";

	static InsightsWorld create(HrImports imports, IdentityManagement identity, PeopleDirectory directory,
			ProgrammeManagement programmes) {
		return create(imports, identity, directory, programmes, "");
	}

	/** The same world with every department's name ending in {@code suffix} (organisation-wide figures per test). */
	static InsightsWorld create(HrImports imports, IdentityManagement identity, PeopleDirectory directory,
			ProgrammeManagement programmes, String suffix) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("employee_id,email,full_name,title,department,location,level,manager,skills,mentoring,mentoring_capacity\n");
		csv.append(row(run, "adm", "Ada Admin", "People" + suffix, "Berlin", 7, null, "", "NONE", 0));
		csv.append(row(run, "pm", "Pat Manager", "People" + suffix, "Berlin", 5, "adm", "", "NONE", 0));
		csv.append(row(run, "pm2", "Quinn Manager", "People" + suffix, "Berlin", 5, "adm", "", "NONE", 0));
		for (int i = 0; i < 4; i++) {
			csv.append(row(run, "mentor" + i, "Mentor " + letter(i) + " Stone", "Engineering" + suffix, "Lisbon", 6, "adm",
					"Java:5:teach", "MENTOR", 5));
		}
		String[][] groups = {{"eng", "Engineering" + suffix, "6"}, {"sales", "Sales" + suffix, "5"}, {"design", "Design" + suffix, "4"}};
		for (String[] g : groups) {
			for (int i = 0; i < Integer.parseInt(g[2]); i++) {
				csv.append(row(run, g[0] + i, "Mentee " + letter(i) + " " + g[1], g[1], "Porto", 2, "pm", "Java:1:learn", "MENTEE", 0));
			}
		}
		HrImportStatus preview = imports.uploadAndPreview("insights.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());

		CurrentUser admin = user(identity, directory, run, "adm", EnumSet.of(Role.ADMIN, Role.EMPLOYEE));
		CurrentUser pm = user(identity, directory, run, "pm", EnumSet.of(Role.PROGRAMME_MANAGER, Role.EMPLOYEE));
		CurrentUser otherPm = user(identity, directory, run, "pm2", EnumSet.of(Role.PROGRAMME_MANAGER, Role.EMPLOYEE));
		List<CurrentUser> mentors = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			mentors.add(user(identity, directory, run, "mentor" + i, EnumSet.of(Role.EMPLOYEE)));
		}
		List<List<CurrentUser>> mentees = new ArrayList<>();
		for (String[] g : groups) {
			List<CurrentUser> people = new ArrayList<>();
			for (int i = 0; i < Integer.parseInt(g[2]); i++) {
				people.add(user(identity, directory, run, g[0] + i, EnumSet.of(Role.EMPLOYEE)));
			}
			mentees.add(people);
		}
		Programme programme = programmes.create(new ProgrammeSettings("Insights " + run, "Grow", ProgrammeFormat.ONE_TO_ONE,
				null, null, 12, 5, MatchingMode.SELF_SELECT, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3"), List.of(), false), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		for (CurrentUser mentor : mentors) {
			programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 5, List.of()), mentor);
		}
		for (List<CurrentUser> group : mentees) {
			for (CurrentUser mentee : group) {
				programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Learn Java", 0, List.of()), mentee);
			}
		}
		programmes.advance(programme.id(), "close-enrolment", pm);
		programmes.advance(programme.id(), "start", pm);
		return new InsightsWorld(run, admin, pm, otherPm, mentors, mentees.get(0), mentees.get(1), mentees.get(2), programme.id());
	}

	CurrentUser employee() {
		return engineering.get(5);
	}

	private static String letter(int i) {
		return String.valueOf((char) ('A' + i));
	}

	private static String row(String run, String who, String name, String department, String location, int level,
			String manager, String skills, String mentoring, int capacity) {
		return String.join(",", who.toUpperCase() + "-" + run, who + "-" + run + "@example.com", name, "Staff", department,
				location, Integer.toString(level), manager == null ? "" : manager.toUpperCase() + "-" + run, skills, mentoring,
				Integer.toString(capacity)) + "\n";
	}

	private static CurrentUser user(IdentityManagement identity, PeopleDirectory directory, String run, String who,
			EnumSet<Role> roles) {
		String email = who + "-" + run + "@example.com";
		var account = identity.create(new NewAccount(email, who, roles), PASSWORD);
		long personId = directory.findIdByEmail(email).orElseThrow();
		return new CurrentUser(account.id(), email, who, personId,
				Set.copyOf(roles.stream().map(Enum::name).toList()));
	}
}
