package org.guildhall.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guildhall.identity.Account;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.SignInHint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty Guildhall with the demo organisation on first start, through the same HR import
 * that customers use, and gives every demo person an account with the published demo password.
 * The chief executive is the administrator and a first-line manager runs the programmes, one of
 * which is open for enrolment with volunteers from the demo data. Off with
 * {@code guildhall.demo.enabled=false} (do that in production).
 *
 * <p>The organisation gets a history: it is imported three times, as HR exported it about 18
 * months ago, about 9 months ago and today ({@link OrganisationHistory}), so that the person history
 * holds promotions, moves, leavers and new hires for the insights. Today's export is the generated
 * file as if HR had exported it today: the hire dates move with the day, so that the newest hires
 * are recent. {@code guildhall.demo.history=false} imports today's file only (one import instead of
 * three, for a large benchmark organisation).
 *
 * <p>{@code guildhall.demo.programme.mentors} (default 30) and {@code guildhall.demo.programme.mentees}
 * (default 60) say how many volunteers join the open programme; the programmes benchmark
 * ({@code bench/programmes}) asks for 2,000 and 10,000 in an organisation of 30,000 people. When the
 * organisation has fewer volunteers than asked for, everyone who volunteered is enrolled and the log
 * says how many short it is.
 */
@Component
@ConditionalOnProperty(name = "guildhall.demo.enabled", havingValue = "true")
@Order(10)
class DemoOrganisation implements ApplicationRunner, SignInHint {

	/** The demo password, printed in the log and the README; demo data only. */
	static final String PASSWORD = "guildhall-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	private final HrImports imports;
	private final IdentityManagement identity;
	private final JdbcClient jdbc;
	private final ProgrammeManagement programmes;
	private final int people;
	private final long seed;
	private final int programmeMentors;
	private final int programmeMentees;
	private final TransactionTemplate transaction;
	private final boolean withHistory;
	private final DemoSetup setup;
	private volatile Organisation organisation;
	private volatile OrganisationHistory.@Nullable History history;

	DemoOrganisation(HrImports imports, IdentityManagement identity, JdbcClient jdbc, ProgrammeManagement programmes,
			@Value("${guildhall.demo.people:400}") int people, @Value("${guildhall.demo.seed:42}") long seed,
			@Value("${guildhall.demo.programme.mentors:30}") int programmeMentors,
			@Value("${guildhall.demo.programme.mentees:60}") int programmeMentees,
			@Value("${guildhall.demo.history:true}") boolean withHistory, PlatformTransactionManager transactions,
			DemoSetup setup) {
		if (programmeMentors < 0 || programmeMentees < 0) {
			throw new IllegalArgumentException("guildhall.demo.programme.mentors and .mentees must not be negative, were "
					+ programmeMentors + " and " + programmeMentees);
		}
		this.imports = imports;
		this.identity = identity;
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.people = people;
		this.seed = seed;
		this.programmeMentors = programmeMentors;
		this.programmeMentees = programmeMentees;
		this.withHistory = withHistory;
		this.transaction = new TransactionTemplate(transactions);
		this.setup = setup;
	}

	/**
	 * Seeds the demo, telling {@link DemoSetup} each step for the sign-in page. A failure is logged
	 * and shown on the sign-in page rather than stopping the application, which would leave a
	 * first-time user with nothing to read but the log.
	 */
	@Override
	public void run(ApplicationArguments args) {
		try {
			setup.step("generating the organisation");
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			ByteArrayOutputStream file = new ByteArrayOutputStream();
			try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8)) {
				organisation = new OrganisationGenerator().generate(people, seed, today, out);
			}
			boolean empty = jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single() == 0;
			if (empty) {
				seed(file.toByteArray(), today);
				// the rest (finished programme, mentorships, community, insights) follows in the other runners
				setup.step("adding mentorships, the community and the insights");
			}
			else {
				setup.ready();
			}
		}
		catch (RuntimeException | IOException e) {
			setup.failed();
			log.error("The demo organisation could not be set up; it stopped while {}. Start again with an empty database.",
					setup.progress().step(), e);
			return;
		}
		log.info("Demo organisation ({} people). Sign in at /login with password '{}' as: {}", organisation.people(),
				PASSWORD, signIns());
	}

	private void seed(byte[] csv, LocalDate today) {
		long started = System.nanoTime();
		if (withHistory) {
			OrganisationHistory.History past = OrganisationHistory.derive(csv, people, seed, today, signInEmails());
			int exports = past.snapshots().size();
			for (OrganisationHistory.Snapshot snapshot : past.snapshots()) {
				setup.step("importing " + count(snapshot.people()) + " people, HR export "
						+ (past.snapshots().indexOf(snapshot) + 1) + " of " + exports);
				importFile(snapshot.csv(), snapshot.effectiveOn());
			}
			history = past;
			log.info("Demo history: HR exports as of {} imported in {} ms; {}", past.snapshots().stream()
				.map(s -> s.effectiveOn() + " (" + s.people() + " people)").toList(), (System.nanoTime() - started) / 1_000_000,
					past.steps().stream().map(s -> "to " + s.to() + ": " + s.promoted().size() + " promoted, " + s.moved().size()
							+ " moved, " + s.left().size() + " left, " + s.hired().size() + " hired").toList());
		}
		else {
			setup.step("importing " + count(people) + " people");
			importFile(csv, today);
		}
		List<NewAccount> accounts = new ArrayList<>();
		// people who left are in the database (inactive) but never sign in
		jdbc.sql("SELECT email, full_name FROM person WHERE active = TRUE ORDER BY id").query((rs, n) -> {
			String email = rs.getString(1);
			EnumSet<Role> roles = EnumSet.of(Role.EMPLOYEE);
			if (email.equals(organisation.chiefExecutive().email())) {
				roles.add(Role.ADMIN);
			}
			if (organisation.manager() != null && email.equals(organisation.manager().email())) {
				roles.add(Role.PROGRAMME_MANAGER);
			}
			return new NewAccount(email, rs.getString(2), roles);
		}).list().forEach(accounts::add);
		setup.step("creating " + count(accounts.size()) + " accounts");
		identity.createAllWithSharedPassword(accounts, PASSWORD);
		setup.step("opening a programme for enrolment");
		seedProgramme();
		log.warn("Seeded the demo organisation: {} people with accounts in {} ms. Demo data and a published password: "
				+ "never use this database in production.", accounts.size(), (System.nanoTime() - started) / 1_000_000);
	}

	/** 1,200 rather than 1200 (or 1.200, whatever the server's locale), for the sign-in page. */
	private static String count(int n) {
		return String.format(java.util.Locale.ENGLISH, "%,d", n);
	}

	private void importFile(byte[] csv, LocalDate effectiveOn) {
		HrImportStatus preview = imports.uploadAndPreview("demo-organisation-" + effectiveOn + ".csv", csv, "demo");
		if (preview.state() != HrImportStatus.State.PREVIEWED) {
			throw new IllegalStateException("The demo organisation as of " + effectiveOn + " does not import cleanly: "
					+ imports.issues(preview.id()));
		}
		HrImportStatus applied = imports.applyNow(preview.id(), effectiveOn);
		if (applied.state() != HrImportStatus.State.APPLIED) {
			throw new IllegalStateException("The demo organisation as of " + effectiveOn + " was not applied: " + applied.failure());
		}
	}

	private Set<String> signInEmails() {
		Set<String> emails = new HashSet<>();
		emails.add(organisation.chiefExecutive().email());
		for (Organisation.Member member : new Organisation.Member[] {organisation.manager(), organisation.mentor(),
				organisation.mentee()}) {
			if (member != null) {
				emails.add(member.email());
			}
		}
		return emails;
	}

	/**
	 * A programme open for enrolment, with some of the people who said they want to mentor or be
	 * mentored; in one transaction, which keeps 12,000 enrolments to seconds rather than minutes.
	 */
	private void seedProgramme() {
		if (organisation.manager() == null) {
			return;
		}
		long started = System.nanoTime();
		transaction.executeWithoutResult(tx -> enrolVolunteers(started));
	}

	private void enrolVolunteers(long started) {
		CurrentUser manager = user(organisation.manager().email());
		Programme programme = programmes.create(new ProgrammeSettings("Grow the next engineering leads",
				"Experienced people across the company mentor colleagues who are preparing for their first lead role.",
				ProgrammeFormat.ONE_TO_ONE, null, null, 16, 2, MatchingMode.BULK, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3", "goals", "3", "seniority", "1", "crossDepartment", "1", "timeZone", "1", "language", "must"),
				List.of("What would make this programme a success for you?"), false), manager);
		programmes.advance(programme.id(), "open-enrolment", manager);
		List<Map<String, Object>> volunteers = jdbc.sql("""
				SELECT email, mentoring_role, mentoring_capacity FROM person
				WHERE mentoring_role <> 'NONE' AND active = TRUE ORDER BY id""").query().listOfRows();
		int mentors = 0;
		int mentees = 0;
		for (Map<String, Object> volunteer : volunteers) {
			String role = (String) volunteer.get("mentoring_role");
			int capacity = ((Number) volunteer.get("mentoring_capacity")).intValue();
			boolean mentor = !role.equals("MENTEE") && capacity > 0 && mentors < programmeMentors;
			boolean mentee = role.equals("MENTEE") && mentees < programmeMentees;
			if (mentor || mentee) {
				programmes.enrol(programme.id(), new EnrolmentRequest(mentor ? EnrolmentRole.MENTOR : EnrolmentRole.MENTEE,
						mentee ? "Prepare for my first lead role and get better at giving feedback" : null,
						mentor ? capacity : 0, List.of(mentor ? "Pass on what I learned the hard way" : "Feel ready to lead a team")),
						user((String) volunteer.get("email")));
				mentors += mentor ? 1 : 0;
				mentees += mentee ? 1 : 0;
			}
			if (mentors >= programmeMentors && mentees >= programmeMentees) {
				break;
			}
		}
		if (mentors < programmeMentors || mentees < programmeMentees) {
			log.warn("The demo organisation has fewer volunteers than asked for: {} of {} mentors and {} of {} mentees enrolled"
					+ " (raise guildhall.demo.people)", mentors, programmeMentors, mentees, programmeMentees);
		}
		log.info("Demo programme {}: {} mentors and {} mentees enrolled in {} ms", programme.id(), mentors, mentees,
				(System.nanoTime() - started) / 1_000_000);
	}

	private CurrentUser user(String email) {
		Account account = identity.accountOf(email).orElseThrow();
		return new CurrentUser(account.id(), account.email(), account.displayName(), account.personId(),
				account.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet()));
	}

	private String signIns() {
		List<String> lines = new ArrayList<>();
		lines.add("administrator " + organisation.chiefExecutive().email());
		if (organisation.manager() != null) {
			lines.add("programme manager " + organisation.manager().email());
		}
		if (organisation.mentor() != null) {
			lines.add("mentor " + organisation.mentor().email());
		}
		if (organisation.mentee() != null) {
			lines.add("mentee " + organisation.mentee().email());
		}
		return String.join(", ", lines);
	}

	/** The generated organisation, once {@link #run} has built it (for the demo mentoring data). */
	Organisation organisation() {
		return organisation;
	}

	/** The organisation's history, when {@link #run} has just seeded it with one (for the finished programme). */
	OrganisationHistory.@Nullable History history() {
		return history;
	}

	@Override
	public String text() {
		DemoSetup.Progress progress = setup.progress();
		return switch (progress.stage()) {
			case NOT_STARTED, LOADING -> "The demo organisation is still being set up (step: " + progress.step()
					+ "). You can sign in once it is ready \u2014 this page refreshes itself.";
			case FAILED -> "The demo organisation could not be set up: it stopped while " + progress.step()
					+ ". The server log says why; start Guildhall again with an empty database.";
			case READY -> organisation == null ? "" : "Demo: sign in with password '" + PASSWORD + "' as " + signIns() + ".";
		};
	}

	@Override
	public Readiness readiness() {
		return switch (setup.progress().stage()) {
			case NOT_STARTED, LOADING -> Readiness.SETTING_UP;
			case FAILED -> Readiness.FAILED;
			case READY -> Readiness.READY;
		};
	}

}
