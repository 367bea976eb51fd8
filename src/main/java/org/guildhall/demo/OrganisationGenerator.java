package org.guildhall.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.guildhall.demo.Department.Specialty;
import org.guildhall.demo.OrgChart.Post;
import org.guildhall.demo.Organisation.Member;
import org.jspecify.annotations.Nullable;

/**
 * Writes a realistic, made-up company as an HR import file ({@code docs/hr-import.md}): a CEO, a
 * management hierarchy four to nine people wide, departments with fitting titles and skills,
 * offices around the world with their time zones and languages, learning goals, bios and mentoring
 * preferences.
 *
 * <p>The output depends only on the number of people and the seed: the same pair always gives the
 * same bytes. Rows are streamed: the reporting lines, names and offices are held in primitive arrays
 * (about 40 bytes a person, some 20 MB for 500,000 people) and the text of a row exists only while
 * it is written. Rows come in order of hire date, which is also the order of employee ids, so some
 * managers appear after their reports.
 */
public final class OrganisationGenerator {

	/** The largest organisation the generator writes (the import takes at most 200,000 rows). */
	public static final int MAX_PEOPLE = 500_000;

	/** The columns of the file, in the order written. */
	public static final List<String> COLUMNS = List.of("employee_id", "email", "full_name", "title", "department",
			"location", "time_zone", "level", "manager", "hire_date", "leaving_date", "languages", "skills", "goals", "bio",
			"mentoring", "mentoring_capacity");

	/** Separator of entries in the {@code languages} and {@code skills} columns. */
	static final String LIST_SEPARATOR = "; ";

	private static final int PROGRESS_EVERY = 10_000;
	private static final String[] EXTRA_LANGUAGES = { "Spanish", "French", "German", "Portuguese", "Italian",
			"Japanese", "Mandarin", "Arabic" };

	/**
	 * Writes an organisation of {@code people} people to {@code out} as CSV with a header row. The
	 * writer is flushed, not closed.
	 *
	 * @throws IllegalArgumentException if {@code people} is not between 1 and {@link #MAX_PEOPLE}
	 * @throws IOException if writing fails
	 */
	public Organisation generate(int people, long seed, Writer out) throws IOException {
		return generate(people, seed, out, written -> {
		});
	}

	/**
	 * Like {@link #generate(int, long, Writer)}, telling {@code progress} every 10,000 rows and at
	 * the end how many rows have been written.
	 */
	public Organisation generate(int people, long seed, Writer out, IntConsumer progress) throws IOException {
		return generate(people, seed, OrgChart.EXPORTED, out, progress);
	}

	/**
	 * Like {@link #generate(int, long, Writer)}, as if HR had exported the file on {@code exportedOn}
	 * rather than on the fixed day the generator otherwise uses: every hire date (and the year a bio
	 * mentions) moves by the same number of days, so the newest hires are recent on that day. Only the
	 * dates differ; everything else, including the order of the rows, is the same.
	 */
	public Organisation generate(int people, long seed, LocalDate exportedOn, Writer out) throws IOException {
		return generate(people, seed, exportedOn, out, written -> {
		});
	}

	private Organisation generate(int people, long seed, LocalDate exportedOn, Writer out, IntConsumer progress)
			throws IOException {
		if (people < 1 || people > MAX_PEOPLE) {
			throw new IllegalArgumentException("people must be between 1 and " + MAX_PEOPLE + ", was " + people);
		}
		SplittableRandom random = new SplittableRandom(seed);
		OrgChart chart = OrgChart.draw(people, random.split());
		Census census = new Census(chart);
		BufferedWriter buffered = out instanceof BufferedWriter already ? already : new BufferedWriter(out, 1 << 16);
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(buffered);
		RowWriter rows = new RowWriter(chart, random.split(), ChronoUnit.DAYS.between(OrgChart.EXPORTED, exportedOn), exportedOn);
		for (int row = 0; row < people; row++) {
			int person = chart.personAtRow(row);
			rows.write(person, csv, census);
			if ((row + 1) % PROGRESS_EVERY == 0 && row + 1 < people) {
				progress.accept(row + 1);
			}
		}
		csv.flush();
		progress.accept(people);
		return census.organisation(seed);
	}

	/** Writes one row at a time; all per-row randomness comes from one stream, in row order. */
	private static final class RowWriter {

		private final OrgChart chart;
		private final SplittableRandom random;
		private final StringBuilder skills = new StringBuilder(200);
		private final long hireDayShift;
		private final LocalDate exportedOn;

		RowWriter(OrgChart chart, SplittableRandom random, long hireDayShift, LocalDate exportedOn) {
			this.exportedOn = exportedOn;
			this.chart = chart;
			this.random = random;
			this.hireDayShift = hireDayShift;
		}

		void write(int person, CSVPrinter csv, Census census) throws IOException {
			Department department = chart.department(person);
			List<Specialty> specialties = department.specialties();
			Specialty specialty = specialties.get(random.nextInt(specialties.size()));
			String title = title(chart, person, specialty);
			int level = chart.level(person);
			boolean lead = chart.leads(person);
			Office office = chart.office(person);
			MentoringRole mentoring = mentoringRole(level, person == 0);
			int capacity = mentoring.mentors() ? 1 + random.nextInt(level >= 7 ? 4 : 2) : 0;
			List<String> languages = languages(chart.culture(person), office);

			Profile profile = drawSkills(specialty, lead, level, mentoring);
			LocalDate hired = chart.hireDate(person).plusDays(hireDayShift);
			Persona persona = new Persona(chart.givenName(person), department, specialty, title, level, lead, office,
					hired.getYear(), profile.teaches(), profile.learns(), profile.knows(), languages);

			int manager = chart.manager(person);
			String managerReference = manager < 0 ? ""
					: random.nextInt(10) < 6 ? chart.email(manager) : chart.employeeId(manager);
			String email = chart.email(person);
			String employeeId = chart.employeeId(person);
			csv.printRecord(employeeId, email, chart.fullName(person), title, department.displayName(),
					office.city(), office.timeZone(), Integer.toString(level), managerReference,
					hired.toString(), leaving(person), String.join(LIST_SEPARATOR, languages), profile.entries(),
					LearningGoals.write(persona, random), Bios.write(persona, random), mentoring.name(),
					Integer.toString(capacity));
			census.count(person, mentoring, () -> new Member(employeeId, email, chart.fullName(person), title));
		}

		/**
		 * About 1.5% of people (never the chief executive) have handed in their notice: a last day
		 * two weeks to four months after the export. Drawn from the person's number, not from the
		 * random stream, so the rest of the file is the same as without the column.
		 */
		private String leaving(int person) {
			long h = (person + 1) * 0x9E3779B97F4A7C15L;
			h ^= h >>> 29;
			if (person == 0 || Math.floorMod(h, 1000) >= 15) {
				return "";
			}
			return exportedOn.plusDays(14 + Math.floorMod(h >>> 10, 107)).toString();
		}

		private MentoringRole mentoringRole(int level, boolean chiefExecutive) {
			int roll = random.nextInt(100);
			if (chiefExecutive) {
				return roll < 50 ? MentoringRole.MENTOR : MentoringRole.NONE;
			}
			if (level >= 9) {
				return roll < 40 ? MentoringRole.MENTOR : roll < 55 ? MentoringRole.BOTH
						: roll < 60 ? MentoringRole.MENTEE : MentoringRole.NONE;
			}
			if (level >= 5) {
				return roll < 15 ? MentoringRole.MENTOR : roll < 40 ? MentoringRole.BOTH
						: roll < 60 ? MentoringRole.MENTEE : MentoringRole.NONE;
			}
			return roll < 2 ? MentoringRole.MENTOR : roll < 10 ? MentoringRole.BOTH
					: roll < 55 ? MentoringRole.MENTEE : MentoringRole.NONE;
		}

		/** Home language first, then English, then the office's language if they picked it up. */
		private List<String> languages(Culture culture, Office office) {
			List<String> languages = new ArrayList<>(4);
			if (!culture.languages().isEmpty()) {
				List<String> home = culture.languages();
				languages.add(home.get(random.nextInt(10) < 7 ? 0 : random.nextInt(home.size())));
			}
			languages.add("English");
			String local = office.language();
			if (local != null && !languages.contains(local)
					&& random.nextInt(100) < (office.locals().contains(culture) ? 85 : 35)) {
				languages.add(local);
			}
			if (random.nextInt(10) == 0) {
				String extra = EXTRA_LANGUAGES[random.nextInt(EXTRA_LANGUAGES.length)];
				if (!languages.contains(extra)) {
					languages.add(extra);
				}
			}
			return languages;
		}

		/**
		 * Three to eight skills: mostly from the person's job, leadership skills for leads, and a
		 * few anyone may have. Proficiency grows with level; strong skills are often offered for
		 * teaching; one or two weak ones are marked as wanted.
		 */
		private Profile drawSkills(Specialty specialty, boolean lead, int level, MentoringRole mentoring) {
			int wanted = 3 + random.nextInt(6);
			List<String> names = new ArrayList<>(8);
			List<String> job = specialty.skills();
			int fromJob = Math.min(job.size(), Math.max(2, wanted - (lead ? 2 : 1)));
			for (int attempt = 0; names.size() < fromJob && attempt < 40; attempt++) {
				// earlier skills of a job are the more typical ones
				int index = Math.min(random.nextInt(job.size()), random.nextInt(job.size()));
				addOnce(names, job.get(index));
			}
			List<String> others = lead ? Department.LEADERSHIP : Department.EVERYONE;
			for (int attempt = 0; names.size() < wanted && attempt < 40; attempt++) {
				addOnce(names, others.get(random.nextInt(others.size())));
			}
			int learning = mentoring.learns() ? 1 + random.nextInt(2) : random.nextInt(3) == 0 ? 1 : 0;
			int base = 1 + level / 3;
			List<String> teaches = new ArrayList<>(4);
			List<String> learns = new ArrayList<>(2);
			skills.setLength(0);
			for (int i = 0; i < names.size(); i++) {
				String name = names.get(i);
				boolean learn = i >= names.size() - learning;
				int proficiency = learn ? 1 + random.nextInt(2)
						: Math.max(1, Math.min(5, base + random.nextInt(3) - 1 - (i >= fromJob ? 1 : 0)));
				boolean teach = !learn && proficiency >= 4
						&& random.nextInt(100) < (mentoring.mentors() ? 80 : 40);
				if (teach) {
					teaches.add(name);
				}
				if (learn) {
					learns.add(name);
				}
				if (!skills.isEmpty()) {
					skills.append(LIST_SEPARATOR);
				}
				skills.append(SkillSpellings.spell(name, random)).append(':').append(proficiency);
				if (teach) {
					skills.append(":teach");
				}
				if (learn) {
					skills.append(":learn");
				}
			}
			return new Profile(skills.toString(), teaches, learns, names);
		}

		private static void addOnce(List<String> names, String name) {
			if (!names.contains(name)) {
				names.add(name);
			}
		}
	}

	/** The {@code skills} column of one person and the skill names behind it. */
	private record Profile(String entries, List<String> teaches, List<String> learns, List<String> knows) {
	}

	/** The job title that fits a person's post, department, level and specialty. */
	static String title(OrgChart chart, int person, Specialty specialty) {
		Department department = chart.department(person);
		Post post = chart.post(person);
		int level = chart.level(person);
		if (post == Post.CHIEF_EXECUTIVE) {
			return department.headTitle();
		}
		if (post == Post.EXECUTIVE) {
			return OrgChart.Division.ledFrom(department).executiveTitle();
		}
		if (post == Post.DEPARTMENT_HEAD && chart.leads(person)) {
			return department.headTitle();
		}
		if (chart.leads(person)) {
			if (level >= 12) {
				return "Senior Director, " + department.displayName();
			}
			if (level >= 10) {
				return "Director, " + department.displayName();
			}
			return department.leadTitle();
		}
		return seniority(level, department.technical()) + specialty.title();
	}

	private static String seniority(int level, boolean technical) {
		if (level <= 2) {
			return "Junior ";
		}
		if (level <= 4) {
			return "";
		}
		if (level <= 6) {
			return "Senior ";
		}
		if (level == 7) {
			return technical ? "Staff " : "Lead ";
		}
		if (level == 8) {
			return technical ? "Senior Staff " : "Lead ";
		}
		return "Principal ";
	}

	/** Counts roles while rows are written and remembers a few people to sign in as. */
	private static final class Census {

		private final OrgChart chart;
		private @Nullable Member chiefExecutive;
		private @Nullable Member mentee;
		private int menteeManager = -1;
		private int firstManager = -1;
		private @Nullable Member mentor;
		private @Nullable Member fallbackMentor;
		private int managers;
		private int mentors;
		private int mentees;

		Census(OrgChart chart) {
			this.chart = chart;
		}

		void count(int person, MentoringRole role, Supplier<Member> member) {
			boolean lead = chart.leads(person);
			if (lead) {
				managers++;
			}
			if (role.mentors()) {
				mentors++;
			}
			if (role.learns()) {
				mentees++;
			}
			if (person == 0) {
				chiefExecutive = member.get();
				return;
			}
			if (lead && firstManager < 0) {
				firstManager = person;
			}
			int manager = chart.manager(person);
			if (mentee == null && role == MentoringRole.MENTEE && !lead && manager > 0
					&& chart.leadsContributorsOnly(manager)) {
				mentee = member.get();
				menteeManager = manager;
			}
			if (role.mentors()) {
				if (mentor == null && !lead && chart.level(person) >= 6) {
					mentor = member.get();
				}
				if (fallbackMentor == null) {
					fallbackMentor = member.get();
				}
			}
		}

		Organisation organisation(long seed) {
			int managerPerson = menteeManager >= 0 ? menteeManager : firstManager;
			Member manager = managerPerson < 0 ? null : memberOf(managerPerson);
			Member chief = chiefExecutive;
			if (chief == null) {
				throw new IllegalStateException("the CEO was not written");
			}
			return new Organisation(chart.size(), seed, chief, manager, mentor != null ? mentor : fallbackMentor,
					mentee, managers, mentors, mentees);
		}

		private Member memberOf(int lead) {
			// a lead's title does not depend on a specialty
			Specialty any = chart.department(lead).specialties().get(0);
			return new Member(chart.employeeId(lead), chart.email(lead), chart.fullName(lead),
					title(chart, lead, any));
		}
	}

	/** Mentoring preference, as in the {@code mentoring} column. */
	private enum MentoringRole {
		NONE, MENTOR, MENTEE, BOTH;

		boolean mentors() {
			return this == MENTOR || this == BOTH;
		}

		boolean learns() {
			return this == MENTEE || this == BOTH;
		}
	}
}
