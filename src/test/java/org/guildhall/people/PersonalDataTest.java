package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.guildhall.community.Admission;
import org.guildhall.community.Circle;
import org.guildhall.community.Circles;
import org.guildhall.community.Contributions;
import org.guildhall.community.KudosBoard;
import org.guildhall.community.NewCircle;
import org.guildhall.community.NewKudos;
import org.guildhall.community.NewQuestion;
import org.guildhall.community.Post;
import org.guildhall.community.QuestionBoard;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.mentorships.CheckIns;
import org.guildhall.mentorships.Goals;
import org.guildhall.mentorships.Meeting;
import org.guildhall.mentorships.Meetings;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GDPR: a person downloads everything Guildhall holds about them, and an administrator erases a
 * person, after which no text column of any table holds their name, e-mail or employee id.
 */
@GuildhallTest
@AutoConfigureMockMvc
class PersonalDataTest {

	/**
	 * Tables that may still name an erased person, each with the reason. Every other table with a
	 * text column is scanned and must be clean.
	 */
	static final Map<String, String> ALLOWED_TO_REMEMBER = Map.of();

	@Autowired MockMvc mvc;
	@Autowired JdbcClient jdbc;
	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired PersonErasure erasure;
	@Autowired ProgrammeManagement programmes;
	@Autowired MentorshipManagement mentorships;
	@Autowired Goals goals;
	@Autowired Meetings meetings;
	@Autowired CheckIns checkIns;
	@Autowired QuestionBoard questions;
	@Autowired Contributions contributions;
	@Autowired KudosBoard kudos;
	@Autowired Circles circles;
	@Autowired org.springframework.context.ApplicationEventPublisher publisher;
	@Autowired org.springframework.transaction.support.TransactionTemplate transactions;

	String run;
	String name;
	String email;
	String employeeId;
	TestOrganisation.Member quilla;
	TestOrganisation.Member mia;
	TestOrganisation.Member admin;
	CurrentUser quillaUser;
	CurrentUser miaUser;
	CurrentUser adminUser;
	String quillaToken;
	String miaToken;
	String adminToken;
	long mentorshipId;
	long questionId;
	Instant started;

	/** Quilla (the one to erase) is Mia's mentee, asks and answers, gives and gets kudos, joins a circle. */
	@BeforeEach
	void world() throws Exception {
		started = Instant.now().minusSeconds(1);
		run = UUID.randomUUID().toString().substring(0, 8);
		name = "Quilla Zorvath" + run;
		email = "quilla-" + run + "@example.com";
		employeeId = "QZ-" + run;
		String csv = """
				employee_id,email,full_name,title,department,location,time_zone,manager,skills,mentoring,mentoring_capacity
				ADM-%1$s,admin-%1$s@example.com,Ada Admin,Head of People,People,Berlin,Europe/Berlin,,,NONE,0
				PM-%1$s,pm-%1$s@example.com,Pat Manager,Programme Manager,People,Berlin,Europe/Berlin,ADM-%1$s,,NONE,0
				MIA-%1$s,mia-%1$s@example.com,Mia Stone,Staff Engineer,Engineering,New York,America/New_York,ADM-%1$s,Java:5:teach,MENTOR,3
				%2$s,%3$s,%4$s,Engineer,Design,Tokyo,Asia/Tokyo,PM-%1$s,Java:2:learn,MENTEE,0
				""".formatted(run, employeeId, email, name);
		HrImportStatus preview = imports.uploadAndPreview("org.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		admin = member("admin-" + run + "@example.com", "Ada Admin", EnumSet.of(Role.ADMIN, Role.EMPLOYEE));
		TestOrganisation.Member pm = member("pm-" + run + "@example.com", "Pat Manager", EnumSet.of(Role.PROGRAMME_MANAGER, Role.EMPLOYEE));
		mia = member("mia-" + run + "@example.com", "Mia Stone", EnumSet.of(Role.EMPLOYEE));
		quilla = member(email, name, EnumSet.of(Role.EMPLOYEE));
		adminUser = user(admin, CurrentUser.ADMIN, CurrentUser.EMPLOYEE);
		CurrentUser pmUser = user(pm, CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE);
		miaUser = user(mia, CurrentUser.EMPLOYEE);
		quillaUser = user(quilla, CurrentUser.EMPLOYEE);
		quillaToken = identity.issueToken(quilla.accountId(), "Quilla's laptop", 30).secret();
		miaToken = identity.issueToken(mia.accountId(), "test", 30).secret();
		adminToken = identity.issueToken(admin.accountId(), "test", 30).secret();

		// profile: a bio that names her, a goal, a language
		Profile profile = directory.profile(quilla.personId(), quillaUser);
		directory.updateProfile(quilla.personId(), new ProfileUpdate("I am " + name + ", reach me at " + email, "Asia/Tokyo",
				List.of("Japanese"), List.of(new ProfileUpdate.SkillChoice("Java", 2, false, true)),
				List.of("Become a tech lead " + run), profile.mentoringRole(), 0, profile.version()), quillaUser);

		// a programme she enrols in, and a mentorship with goals, a meeting, notes and a check-in
		Programme programme = programmes.create(new ProgrammeSettings("Mentoring " + run, "Grow", ProgrammeFormat.ONE_TO_ONE,
				null, null, 12, 2, MatchingMode.SELF_SELECT, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3"), List.of(), false), pmUser);
		programmes.advance(programme.id(), "open-enrolment", pmUser);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 2, List.of()), miaUser);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Enrolment goal " + run, 0, List.of()), quillaUser);
		programmes.advance(programme.id(), "close-enrolment", pmUser);
		programmes.advance(programme.id(), "start", pmUser);
		Mentorship requested = mentorships.request(programme.id(), mia.personId(), quillaUser, "Please mentor me, " + name + " here");
		mentorshipId = mentorships.accept(requested.id(), miaUser).id();
		goals.add(mentorshipId, quillaUser, "Goal text " + run, "Lead the redesign");
		Meeting meeting = meetings.schedule(mentorshipId, quillaUser,
				new Meetings.Schedule(Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), 45, "Room 4"));
		// the meeting took place (moved into the past, so that its notes and check-in are open)
		jdbc.sql("UPDATE meeting SET starts_at = ? WHERE id = ?").params(Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
				meeting.id()).update();
		meetings.shareNotes(mentorshipId, meeting.id(), quillaUser, "Shared notes of " + name, meeting.sharedNotesVersion());
		meetings.writePrivateNote(mentorshipId, meeting.id(), quillaUser, "Private note " + run);
		checkIns.checkIn(mentorshipId, meeting.id(), quillaUser, 4, "Check-in by " + name);

		// the community: a question of hers, an answer of hers, a comment, kudos both ways, a circle
		questionId = questions.ask(new NewQuestion("How do I lead " + run + "?", "Asking as a new lead.", List.of("Java")), miaUser).id();
		questions.answer(questionId, "Answer text " + run + ": start with one-to-ones.", quillaUser);
		long ownQuestion = questions.ask(new NewQuestion("Where do I start " + run + "?", "Signed, " + name, List.of("Java")), quillaUser).id();
		contributions.comment(questionId, "Comment by " + name, quillaUser);
		kudos.give(new NewKudos(quilla.personId(), "Java", "Kudos for " + name + " " + run), miaUser);
		kudos.give(new NewKudos(mia.personId(), "Java", "Kudos given " + run), quillaUser);
		Circle circle = circles.create(new NewCircle("Leads " + run, "For new leads", "Java", Admission.OPEN), miaUser);
		circles.join(circle.id(), quillaUser);
		questions.answer(ownQuestion, "Mia answers " + run, miaUser);

		// second factors: an authenticator app and a passkey named after her (as a browser would name it)
		jdbc.sql("INSERT INTO totp_factor (account_id, secret, created_at, confirmed_at) VALUES (?, 'JBSWY3DPEHPK3PXP', ?, ?)")
			.params(quilla.accountId(), Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
		jdbc.sql("INSERT INTO user_entities (id, name, display_name) VALUES (?, ?, ?)").params("ue-" + run, email, name).update();
		jdbc.sql("""
				INSERT INTO user_credentials (credential_id, user_entity_user_id, public_key, backup_eligible, backup_state, created, label)
				VALUES (?, ?, ?, FALSE, FALSE, ?, ?)""")
			.params("cred-" + run, "ue-" + run, new byte[] {1, 2, 3}, Timestamp.from(Instant.now()), name + "'s phone").update();

		// a session of her own
		mvc.perform(post("/login").param("username", email).param("password", TestOrganisation.PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection());
		// the events above (notifications, feed, reputation) have all been handled
		awaitListeners();
	}

	@Test
	void theArchiveHoldsWhatSheWroteAndWasGivenAndOnlyHers() throws Exception {
		Map<String, String> archive = unzip(mvc.perform(get("/api/v1/people/me/data").header("Authorization", "Bearer " + quillaToken))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

		assertThat(archive).containsKeys("README.txt", "profile.json", "account.json", "community.json", "mentorships.json",
				"programmes.json", "notifications.json");
		assertThat(archive.get("README.txt")).contains(email).contains("community.json");
		assertThat(archive.get("profile.json")).contains(employeeId).contains("Become a tech lead " + run).contains("Japanese");
		assertThat(archive.get("community.json")).contains("Answer text " + run).contains("Comment by " + name)
			.contains("Kudos for " + name).contains("Kudos given " + run).contains("Leads " + run);
		assertThat(archive.get("mentorships.json")).contains("Goal text " + run).contains("Private note " + run)
			.contains("Check-in by " + name);
		assertThat(archive.get("programmes.json")).contains("Enrolment goal " + run);
		assertThat(archive.get("account.json")).contains("Quilla's laptop").contains(name + "'s phone").doesNotContain("JBSWY3DPEHPK3PXP").doesNotContain(quillaToken).doesNotContain("token_hash");
		assertThat(archive.get("notifications.json")).contains("Mia Stone");

		// the page button gives the same archive to the signed-in person
		byte[] page = mvc.perform(get("/account/data").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(new Principal(quillaUser))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(unzip(page).get("community.json")).contains("Answer text " + run);

		// someone else cannot have her archive: there is no address for it, and theirs holds none of her own writing
		mvc.perform(get("/api/v1/people/" + quilla.personId() + "/data").header("Authorization", "Bearer " + miaToken))
			.andExpect(status().isNotFound());
		Map<String, String> miasArchive = unzip(mvc.perform(get("/api/v1/people/me/data").header("Authorization", "Bearer " + miaToken))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(String.join("\n", miasArchive.values())).doesNotContain("Answer text " + run).doesNotContain("Private note " + run)
			.doesNotContain("Check-in by").doesNotContain("Quilla's laptop").doesNotContain("Become a tech lead " + run);
		// and nobody signed out gets anything
		mvc.perform(get("/api/v1/people/me/data")).andExpect(status().isUnauthorized());
	}

	@Test
	void anErasedPersonLeavesNoTraceInAnyTextColumn() throws Exception {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(email).query(Long.class).single())
			.as("her session").isPositive();
		assertThat(scan()).as("before the erasure the scan finds her").isNotEmpty();

		// only an administrator, and only with her name typed
		mvc.perform(post("/api/v1/people/" + quilla.personId() + "/erasure").header("Authorization", "Bearer " + miaToken)
			.contentType(MediaType.APPLICATION_JSON).content("{\"confirmName\":\"" + name + "\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/people/" + quilla.personId() + "/erasure").header("Authorization", "Bearer " + adminToken)
			.contentType(MediaType.APPLICATION_JSON).content("{\"confirmName\":\"Mia Stone\"}")).andExpect(status().isBadRequest());
		assertThat(directory.profile(quilla.personId(), adminUser).fullName()).isEqualTo(name);

		mvc.perform(post("/api/v1/people/" + quilla.personId() + "/erasure").header("Authorization", "Bearer " + adminToken)
			.contentType(MediaType.APPLICATION_JSON).content("{\"confirmName\":\" " + name.toLowerCase(Locale.ROOT) + " \"}"))
			.andExpect(status().isNoContent());
		awaitListeners();
		erasure.forgetDeliveredErasures();

		assertThat(scan()).as("text columns that still name her").isEmpty();

		// what she wrote stays, by "Former colleague"; her token no longer works; the audit trail says who erased whom
		Post answer = questions.thread(questionId, miaUser).answers().get(0);
		assertThat(answer.body()).contains("Answer text " + run);
		assertThat(answer.author().fullName()).isEqualTo("Former colleague");
		mvc.perform(get("/api/v1/people/me").header("Authorization", "Bearer " + quillaToken)).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'person-erased' AND subject = ?")
			.param("person " + quilla.personId()).query(String.class).list()).containsExactly(admin.email());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mentorship_goal WHERE mentorship_id = ?").param(mentorshipId).query(Long.class).single())
			.isZero();
		assertThat(kudos.received(quilla.personId())).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM totp_factor WHERE account_id = ?").param(quilla.accountId()).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM user_credentials WHERE credential_id = ?").param("cred-" + run).query(Long.class)
			.single()).isZero();
		Profile erased = directory.profile(quilla.personId(), adminUser);
		assertThat(erased.fullName()).isEqualTo("Former colleague");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.updateProfile(quilla.personId(), new ProfileUpdate(
				"back again", "UTC", List.of(), List.of(), List.of(), erased.mentoringRole(), 0, erased.version()), adminUser))
			.isInstanceOf(org.guildhall.shared.ConflictException.class);

		// a second erasure is refused, and delivering the event again (a retry) changes nothing
		mvc.perform(post("/api/v1/people/" + quilla.personId() + "/erasure").header("Authorization", "Bearer " + adminToken)
			.contentType(MediaType.APPLICATION_JSON).content("{\"confirmName\":\"Former colleague\"}")).andExpect(status().isConflict());
		started = Instant.now().minusSeconds(1);
		transactions.executeWithoutResult(tx -> publisher.publishEvent(new PersonErased(quilla.personId(), admin.accountId(),
				admin.email(), new PersonErased.Traces(name, email, employeeId))));
		awaitListeners();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type = ? AND completion_date IS NOT NULL")
			.param(PersonErased.class.getName()).query(Long.class).single()).as("the retried erasure was handled").isPositive();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'person-erased' AND subject = ?")
			.param("person " + quilla.personId()).query(Long.class).single()).isOne();
		assertThat(answer.body()).isEqualTo(questions.thread(questionId, miaUser).answers().get(0).body());
		erasure.forgetDeliveredErasures();
		assertThat(scan()).as("text columns that name her after a retry").isEmpty();
	}

	@Test
	void theErasurePageAsksForTheNameAndOnlyAdministratorsSeeIt() throws Exception {
		var asAdmin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(new Principal(adminUser));
		var asMia = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(new Principal(miaUser));
		String page = mvc.perform(get("/admin/people/" + quilla.personId() + "/erase").with(asAdmin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Erase <span>" + name + "</span>").contains("full name, <strong>" + name + "</strong>, to confirm");
		mvc.perform(get("/admin/people/" + quilla.personId() + "/erase").with(asMia)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/people/" + quilla.personId() + "/erase").param("confirmName", name).with(asMia).with(csrf()))
			.andExpect(status().isForbidden());

		String refused = mvc.perform(post("/admin/people/" + quilla.personId() + "/erase").param("confirmName", "Quilla")
			.with(asAdmin).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("The name does not match");
		assertThat(directory.profile(quilla.personId(), adminUser).fullName()).isEqualTo(name);

		mvc.perform(post("/admin/people/" + quilla.personId() + "/erase").param("confirmName", name).with(asAdmin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String profile = mvc.perform(get("/people/" + quilla.personId()).with(asAdmin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(profile).contains("Former colleague").contains("erased at their request").doesNotContain(name).doesNotContain(email)
			.doesNotContain("Edit profile").doesNotContain("Erase this person");
		awaitListeners();
	}

	/** Every text column of every table, searched for her name, e-mail and employee id: "table.column: trace". */
	private List<String> scan() {
		List<String> found = new ArrayList<>();
		List<Map<String, Object>> columns = jdbc.sql("""
				SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE LOWER(table_schema) = 'public'""").query().listOfRows();
		assertThat(columns).hasSizeGreaterThan(100);
		Set<String> textTypes = Set.of("character varying", "varchar", "character", "char", "text", "character large object", "clob");
		int scanned = 0;
		for (Map<String, Object> column : columns) {
			String table = String.valueOf(column.get("table_name")).toLowerCase(Locale.ROOT);
			String col = String.valueOf(column.get("column_name")).toLowerCase(Locale.ROOT);
			String type = String.valueOf(column.get("data_type")).toLowerCase(Locale.ROOT);
			if (!textTypes.contains(type) || ALLOWED_TO_REMEMBER.containsKey(table)) {
				continue;
			}
			scanned++;
			for (String trace : List.of(name, email, employeeId, name.toLowerCase(Locale.ROOT), email.toLowerCase(Locale.ROOT))) {
				long hits = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + col + " LIKE ?").param("%" + trace + "%")
					.query(Long.class).single();
				if (hits > 0) {
					found.add(table + "." + col + ": " + trace + " (" + hits + ")");
				}
			}
		}
		assertThat(scanned).as("text columns scanned").isGreaterThan(100);
		return found.stream().distinct().toList();
	}

	/** Waits until every event publication since this test began has been handled by its listener. */
	private void awaitListeners() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND publication_date >= ?")
			.param(Timestamp.from(started)).query(Long.class).single() == 0);
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	private TestOrganisation.Member member(String email, String name, EnumSet<Role> roles) {
		var account = identity.create(new NewAccount(email, name, roles), TestOrganisation.PASSWORD);
		return new TestOrganisation.Member(email, directory.findIdByEmail(email).orElseThrow(), account.id());
	}

	private static CurrentUser user(TestOrganisation.Member member, String... roles) {
		return new CurrentUser(member.accountId(), member.email(), member.email(), member.personId(), Set.of(roles));
	}

	/** A signed-in principal for MockMvc page requests. */
	private record Principal(CurrentUser currentUser) implements CurrentUser.HasCurrentUser,
			org.springframework.security.core.userdetails.UserDetails {

		@Override
		public java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> getAuthorities() {
			return currentUser.roles().stream()
				.map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + r)).toList();
		}

		@Override
		public String getPassword() {
			return "";
		}

		@Override
		public String getUsername() {
			return currentUser.email();
		}
	}
}
