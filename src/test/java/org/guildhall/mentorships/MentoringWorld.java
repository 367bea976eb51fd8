package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestOrganisation.Member;

/**
 * People for one mentorship test, with unique e-mails: an administrator, a programme manager, a
 * mentor (Mia, New York), two mentees (Tom, Tokyo; Di, London) and an employee with no part in it (Cy),
 * plus a running self-select programme where Mia mentors with {@code capacity} places.
 */
record MentoringWorld(String run, Member adminMember, Member pmMember, Member miaMember, Member tomMember, Member diMember,
		Member cyMember, CurrentUser admin, CurrentUser pm, CurrentUser mia, CurrentUser tom, CurrentUser di, CurrentUser cy,
		long programmeId) {

	static MentoringWorld create(HrImports imports, IdentityManagement identity, PeopleDirectory directory,
			ProgrammeManagement programmes, int capacity) {
		return create(imports, identity, directory, programmes, capacity, ProgrammeFormat.ONE_TO_ONE);
	}

	/** The same world with a programme of another format (group, flash, ...). */
	static MentoringWorld create(HrImports imports, IdentityManagement identity, PeopleDirectory directory,
			ProgrammeManagement programmes, int capacity, ProgrammeFormat format) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String csv = """
				employee_id,email,full_name,title,department,location,time_zone,manager,skills,mentoring,mentoring_capacity
				ADM-%1$s,admin-%1$s@example.com,Ada Admin,Head of People,People,Berlin,Europe/Berlin,,,NONE,0
				PM-%1$s,pm-%1$s@example.com,Pat Manager,Programme Manager,People,Berlin,Europe/Berlin,ADM-%1$s,,NONE,0
				MIA-%1$s,mia-%1$s@example.com,Mia Stone,Staff Engineer,Engineering,New York,America/New_York,ADM-%1$s,Java:5:teach,MENTOR,3
				TOM-%1$s,tom-%1$s@example.com,Tom Sato,Engineer,Design,Tokyo,Asia/Tokyo,PM-%1$s,Java:2:learn,MENTEE,0
				DI-%1$s,di-%1$s@example.com,Di Evans,Engineer,Sales,London,Europe/London,PM-%1$s,Java:1:learn,MENTEE,0
				CY-%1$s,cy-%1$s@example.com,Cy Park,Engineer,Sales,London,Europe/London,PM-%1$s,,NONE,0
				""".formatted(run);
		HrImportStatus preview = imports.uploadAndPreview("mentoring.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		Member admin = member(identity, directory, "admin", run, "Ada Admin", EnumSet.of(Role.ADMIN, Role.EMPLOYEE));
		Member pm = member(identity, directory, "pm", run, "Pat Manager", EnumSet.of(Role.PROGRAMME_MANAGER, Role.EMPLOYEE));
		Member mia = member(identity, directory, "mia", run, "Mia Stone", EnumSet.of(Role.EMPLOYEE));
		Member tom = member(identity, directory, "tom", run, "Tom Sato", EnumSet.of(Role.EMPLOYEE));
		Member di = member(identity, directory, "di", run, "Di Evans", EnumSet.of(Role.EMPLOYEE));
		Member cy = member(identity, directory, "cy", run, "Cy Park", EnumSet.of(Role.EMPLOYEE));
		CurrentUser pmUser = user(pm, CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE);
		CurrentUser miaUser = user(mia, CurrentUser.EMPLOYEE);
		CurrentUser tomUser = user(tom, CurrentUser.EMPLOYEE);
		CurrentUser diUser = user(di, CurrentUser.EMPLOYEE);

		Programme programme = programmes.create(new ProgrammeSettings("Mentoring " + run, "Grow", format,
				null, null, 12, 2, MatchingMode.SELF_SELECT, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3"), List.of(), false), pmUser);
		programmes.advance(programme.id(), "open-enrolment", pmUser);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, capacity, List.of()), miaUser);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Learn to lead", 0, List.of()), tomUser);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Learn to sell", 0, List.of()), diUser);
		programmes.advance(programme.id(), "close-enrolment", pmUser);
		programmes.advance(programme.id(), "start", pmUser);
		return new MentoringWorld(run, admin, pm, mia, tom, di, cy, user(admin, CurrentUser.ADMIN, CurrentUser.EMPLOYEE), pmUser,
				miaUser, tomUser, diUser, user(cy, CurrentUser.EMPLOYEE), programme.id());
	}

	/** Tom asks Mia, and Mia accepts: an active mentorship. */
	Mentorship activePair(MentorshipManagement mentorships) {
		Mentorship requested = mentorships.request(programmeId, mia.personId(), tom, "Could you help me lead?");
		return mentorships.accept(requested.id(), mia);
	}

	/** Di asks Mia, and Mia accepts: a second active mentorship of Mia's. */
	Mentorship secondPair(MentorshipManagement mentorships) {
		Mentorship requested = mentorships.request(programmeId, mia.personId(), di, "Could you help me sell?");
		return mentorships.accept(requested.id(), mia);
	}

	private static Member member(IdentityManagement identity, PeopleDirectory directory, String who, String run, String name,
			EnumSet<Role> roles) {
		String email = who + "-" + run + "@example.com";
		var account = identity.create(new NewAccount(email, name, roles), TestOrganisation.PASSWORD);
		return new Member(email, directory.findIdByEmail(email).orElseThrow(), account.id());
	}

	private static CurrentUser user(Member member, String... roles) {
		return new CurrentUser(member.accountId(), member.email(), member.email(), member.personId(), Set.of(roles));
	}
}
