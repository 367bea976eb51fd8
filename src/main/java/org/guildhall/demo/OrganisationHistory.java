package org.guildhall.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The demo organisation's last eighteen months as three HR exports: one effective about 18 months
 * ago, one about 9 months ago and today's, which is the generated file exactly as it is. The two
 * earlier ones are worked out backwards from today's: about a tenth of the people who are in two
 * exports in a row were promoted between them (so the earlier one has their level one lower), one
 * in twenty moved to another department (the earlier one has their old department and a lead of
 * it as manager), and some 6.5% of each earlier export left before the next one (people from a
 * second generated organisation, so they are in the earlier exports only). New hires are in an
 * export only from their hire date on, which is why today's file should be generated as exported
 * today ({@link OrganisationGenerator#generate(int, long, LocalDate, java.io.Writer)}): with the
 * generator's fixed export day, long past, nobody would have joined since. The team of a lead who
 * joined later reports to the lead's own manager until then.
 *
 * <p>It also chooses who took part in the demo's finished programme ({@link Cohort}), since that
 * has to be known before the changes are drawn: see {@link #PARTICIPANT_PROMOTION_WEIGHT}.
 *
 * <p>Plain Java and deterministic: the same file, size, seed and day give the same bytes. The
 * day only moves the dates; which people change depends on the seed alone.
 */
final class OrganisationHistory {

	/** The first export, about 18 months before today (in days, so that the counts do not depend on the day). */
	static final int EARLIER_DAYS = 548;
	/** The second export, about 9 months before today. */
	static final int MIDDLE_DAYS = 274;
	/** Share of the people in two exports in a row who were promoted between them. */
	static final double PROMOTED = 0.10;
	/** Share of them who moved to another department. */
	static final double MOVED = 0.05;
	/** Share of an export's people who are gone from the next one. */
	static final double LEFT = 0.065;
	/**
	 * How much likelier the finished programme's mentees, and its mentors, are to be promoted than
	 * {@link #PROMOTED}: 1.5 times (the others a little less, so that the share of all stays the same).
	 * Demo data, not evidence: it is there so that the outcomes page shows the kind of modest
	 * difference a real programme might, and says nothing about real mentoring.
	 */
	static final double PARTICIPANT_PROMOTION_WEIGHT = 1.5;
	/**
	 * How often the finished programme's people are among those who left (in either step), against
	 * what their share of the candidates would give: 0.6 times, so participants stay a little more
	 * often. Demo data, as above.
	 */
	static final double PARTICIPANT_LEAVING = 0.6;

	static final int ID = column("employee_id");
	static final int EMAIL = column("email");
	static final int NAME = column("full_name");
	static final int DEPARTMENT = column("department");
	static final int LEVEL = column("level");
	static final int MANAGER = column("manager");
	static final int HIRED = column("hire_date");
	static final int LEAVING = column("leaving_date");
	static final int LANGUAGES = column("languages");
	static final int SKILLS = column("skills");
	static final int GOALS = column("goals");
	static final int MENTORING = column("mentoring");
	static final int CAPACITY = column("mentoring_capacity");

	/** One export: the day it took effect and the file. */
	record Snapshot(LocalDate effectiveOn, byte[] csv, int people) {
	}

	/**
	 * What changed between two exports, by employee id.
	 *
	 * @param stayed how many people are in both
	 * @param left people in the earlier export only
	 * @param hired people in the later export only
	 */
	record Step(LocalDate from, LocalDate to, int stayed, List<String> promoted, List<String> moved, List<String> left,
			List<String> hired) {
	}

	/** The three exports, oldest first, the two steps between them and the finished programme's people. */
	record History(List<Snapshot> snapshots, List<Step> steps, Cohort cohort) {
	}

	private OrganisationHistory() {
	}

	/**
	 * Works out the history of the organisation in {@code today} (a file the generator wrote with
	 * {@code people} rows, as exported on {@code on}).
	 *
	 * @param unchanged e-mails of people whose history stays as it is today (the demo sign-ins); the
	 *        CEO's stays too
	 */
	static History derive(byte[] today, int people, long seed, LocalDate on, Set<String> unchanged) {
		SplittableRandom random = new SplittableRandom(seed);
		LocalDate earlier = on.minusDays(EARLIER_DAYS);
		LocalDate middle = on.minusDays(MIDDLE_DAYS);
		Staff staff = new Staff(read(new String(today, StandardCharsets.UTF_8)));
		Set<String> fixed = new HashSet<>();
		for (Row row : staff.rows) {
			if (row.get(MANAGER).isEmpty() || unchanged.contains(row.email())) {
				fixed.add(row.id());
			}
		}

		List<Row> inMiddle = staff.rows.stream().filter(r -> r.hiredBy(middle)).toList();
		List<Row> inEarlier = staff.rows.stream().filter(r -> r.hiredBy(earlier)).toList();
		List<Row> pool = leaverPool(staff, people, random.nextLong(), on, random.split());
		int nextId = people + 1;
		List<Row> leftToday = new ArrayList<>();
		for (Row row : take(pool, leavers(inMiddle.size()), r -> r.hiredBy(middle) && staff.hasLead(r.get(DEPARTMENT), inMiddle))) {
			leftToday.add(staff.join(row, employeeId(nextId++), inMiddle, random));
		}
		List<Row> leftTodayEarlier = leftToday.stream().filter(r -> r.hiredBy(earlier)).toList();
		List<Row> leftMiddle = new ArrayList<>();
		for (Row row : take(pool, leavers(inEarlier.size() + leftTodayEarlier.size()),
				r -> r.hiredBy(earlier) && staff.hasLead(r.get(DEPARTMENT), inEarlier))) {
			leftMiddle.add(staff.join(row, employeeId(nextId++), inEarlier, random));
		}

		List<Row> cohortPopulation = new ArrayList<>(inEarlier);
		cohortPopulation.addAll(leftTodayEarlier);
		cohortPopulation.addAll(leftMiddle);
		Cohort cohort = Cohort.choose(cohortPopulation, staff, fixed, List.of(ids(leftMiddle), ids(leftTodayEarlier)),
				PARTICIPANT_LEAVING, random.split());
		List<Set<String>> participants = List.of(cohort.menteeIds(), cohort.mentorIds());

		// from 9 months ago to today
		Map<String, Integer> levels = new HashMap<>();
		List<Row> promotedToday = promote(inMiddle.stream().filter(r -> !fixed.contains(r.id()) && r.level() >= 2).toList(),
				share(PROMOTED, inMiddle.size()), participants, random.split());
		promotedToday.forEach(r -> levels.put(r.id(), r.level() - 1));
		Map<String, Move> movedToday = staff.moves(inMiddle.stream()
			.filter(r -> !fixed.contains(r.id()) && !staff.leads(r.id()) && !levels.containsKey(r.id())).toList(),
				share(MOVED, inMiddle.size()), inMiddle, cohort, random.split());
		List<Row> middleRows = new ArrayList<>();
		for (Row row : inMiddle) {
			Row then = row.copy();
			if (levels.containsKey(row.id())) {
				then.set(LEVEL, Integer.toString(levels.get(row.id())));
			}
			Move move = movedToday.get(row.id());
			if (move != null) {
				then.set(DEPARTMENT, move.department());
				then.set(MANAGER, move.manager().email());
			}
			middleRows.add(then);
		}
		leftToday.forEach(r -> middleRows.add(r.copy()));
		staff.reportToPresent(middleRows);

		// from 18 to 9 months ago
		List<Row> stayedEarly = middleRows.stream().filter(r -> r.hiredBy(earlier)).toList();
		Set<String> promotedLater = ids(promotedToday);
		List<Row> promotedMiddle = promote(stayedEarly.stream()
			.filter(r -> !fixed.contains(r.id()) && r.level() >= 2 && !promotedLater.contains(r.id())).toList(),
				share(PROMOTED, stayedEarly.size()), participants, random.split());
		Set<String> promotedEarly = ids(promotedMiddle);
		Map<String, Move> movedMiddle = staff.moves(stayedEarly.stream()
			.filter(r -> !fixed.contains(r.id()) && !staff.leads(r.id()) && !promotedEarly.contains(r.id())
					&& !movedToday.containsKey(r.id())).toList(),
				share(MOVED, stayedEarly.size()), stayedEarly, cohort, random.split());
		List<Row> earlierRows = new ArrayList<>();
		for (Row row : stayedEarly) {
			Row then = row.copy();
			if (promotedEarly.contains(row.id())) {
				then.set(LEVEL, Integer.toString(row.level() - 1));
			}
			Move move = movedMiddle.get(row.id());
			if (move != null) {
				then.set(DEPARTMENT, move.department());
				then.set(MANAGER, move.manager().email());
			}
			earlierRows.add(then);
		}
		leftMiddle.forEach(r -> earlierRows.add(r.copy()));
		staff.reportToPresent(earlierRows);

		Set<String> inEarlierIds = ids(earlierRows);
		List<Step> steps = List.of(
				new Step(earlier, middle, stayedEarly.size(), promotedEarly.stream().sorted().toList(),
						movedMiddle.keySet().stream().sorted().toList(), ids(leftMiddle).stream().sorted().toList(),
						middleRows.stream().map(Row::id).filter(id -> !inEarlierIds.contains(id)).sorted().toList()),
				new Step(middle, on, inMiddle.size(), promotedLater.stream().sorted().toList(),
						movedToday.keySet().stream().sorted().toList(), ids(leftToday).stream().sorted().toList(),
						staff.rows.stream().filter(r -> !r.hiredBy(middle)).map(Row::id).sorted().toList()));
		List<Snapshot> snapshots = List.of(new Snapshot(earlier, write(earlierRows), earlierRows.size()),
				new Snapshot(middle, write(middleRows), middleRows.size()), new Snapshot(on, today, staff.rows.size()));
		Map<String, Row> asEarlier = new HashMap<>();
		earlierRows.forEach(r -> asEarlier.put(r.id(), r));
		return new History(snapshots, steps, cohort.asOf(asEarlier, random.split())
			.withEndings(ids(leftMiddle), movedMiddle.keySet(), random.split()));
	}

	/** People for the leavers: the rank and file of another generated organisation whose e-mails nobody here has. */
	private static List<Row> leaverPool(Staff staff, int people, long seed, LocalDate on, SplittableRandom random) {
		StringWriter out = new StringWriter();
		try {
			new OrganisationGenerator().generate(people, seed, on, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Row> rows = read(out.toString());
		Set<String> managers = new HashSet<>();
		rows.forEach(r -> managers.add(r.get(MANAGER).toLowerCase(Locale.ROOT)));
		Set<String> emails = new HashSet<>(staff.byEmail.keySet());
		List<Row> pool = new ArrayList<>();
		for (Row row : rows) {
			if (!row.get(MANAGER).isEmpty() && !managers.contains(row.id().toLowerCase(Locale.ROOT))
					&& !managers.contains(row.email()) && emails.add(row.email())) {
				pool.add(row);
			}
		}
		shuffle(pool, random);
		return pool;
	}

	/** Takes (removes) up to {@code count} rows that pass the test, in the pool's order. */
	private static List<Row> take(List<Row> pool, int count, Predicate<Row> test) {
		List<Row> taken = new ArrayList<>();
		for (var it = pool.iterator(); it.hasNext() && taken.size() < count;) {
			Row row = it.next();
			if (test.test(row)) {
				taken.add(row);
				it.remove();
			}
		}
		return taken;
	}

	/** How many leave from an export that keeps {@code staying} people, so that they are {@link #LEFT} of it. */
	static int leavers(int staying) {
		return (int) Math.round(LEFT * staying / (1 - LEFT));
	}

	private static int share(double share, int of) {
		return (int) Math.round(share * of);
	}

	/**
	 * {@code count} of the {@code eligible} rows: from each group of participants
	 * {@link #PARTICIPANT_PROMOTION_WEIGHT} times {@link #PROMOTED} of its eligible people, the rest
	 * from everyone else; in the list's order.
	 */
	private static List<Row> promote(List<Row> eligible, int count, List<Set<String>> participants, SplittableRandom random) {
		Set<Row> promoted = new HashSet<>();
		List<Row> others = new ArrayList<>(eligible);
		for (Set<String> group : participants) {
			List<Row> theirs = eligible.stream().filter(r -> group.contains(r.id()) && !promoted.contains(r)).toList();
			others.removeAll(theirs);
			int quota = Math.min(theirs.size(), (int) Math.round(theirs.size() * PROMOTED * PARTICIPANT_PROMOTION_WEIGHT));
			promoted.addAll(sample(theirs, Math.min(quota, count - promoted.size()), r -> 1, random));
		}
		promoted.addAll(sample(others, Math.max(0, count - promoted.size()), r -> 1, random));
		return eligible.stream().filter(promoted::contains).toList();
	}

	/**
	 * {@code count} rows drawn without replacement, each with a chance in proportion to its weight
	 * (Efraimidis and Spirakis: the largest u^(1/w)), returned in the list's order.
	 */
	static List<Row> sample(List<Row> rows, int count, ToDoubleFunction<Row> weight, SplittableRandom random) {
		record Keyed(int index, double key) {
		}
		List<Keyed> keyed = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			keyed.add(new Keyed(i, Math.pow(random.nextDouble(), 1 / weight.applyAsDouble(rows.get(i)))));
		}
		keyed.sort(Comparator.comparingDouble(Keyed::key).reversed().thenComparingInt(Keyed::index));
		return keyed.stream().limit(count).sorted(Comparator.comparingInt(Keyed::index)).map(k -> rows.get(k.index())).toList();
	}

	static <T> void shuffle(List<T> list, SplittableRandom random) {
		for (int i = list.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			T t = list.get(i);
			list.set(i, list.get(j));
			list.set(j, t);
		}
	}

	static String employeeId(int number) {
		return String.format(Locale.ROOT, "E%06d", number);
	}

	private static Set<String> ids(Collection<Row> rows) {
		Set<String> ids = new LinkedHashSet<>();
		rows.forEach(r -> ids.add(r.id()));
		return ids;
	}

	private static int column(String name) {
		int index = OrganisationGenerator.COLUMNS.indexOf(name);
		if (index < 0) {
			throw new IllegalStateException("the generator writes no column " + name);
		}
		return index;
	}

	static List<Row> read(String csv) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
			if (!parser.getHeaderNames().equals(OrganisationGenerator.COLUMNS)) {
				throw new IllegalArgumentException("not a file of the generator: columns " + parser.getHeaderNames());
			}
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(new Row(record.values()));
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An earlier export of these rows. */
	private static byte[] write(List<Row> rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 600);
		try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(OrganisationGenerator.COLUMNS.toArray(String[]::new))
					.get().print(out)) {
			for (Row row : rows) {
				// an earlier export knew nothing of notices handed in since
				String[] values = row.values.clone();
				values[LEAVING] = "";
				csv.printRecord((Object[]) values);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/** One row of an export, in the generator's columns. */
	static final class Row {

		private final String[] values;

		Row(String[] values) {
			this.values = values;
		}

		Row copy() {
			return new Row(values.clone());
		}

		String get(int column) {
			return values[column];
		}

		void set(int column, String value) {
			values[column] = value;
		}

		String id() {
			return values[ID];
		}

		String email() {
			return values[EMAIL].toLowerCase(Locale.ROOT);
		}

		int level() {
			return values[LEVEL].isEmpty() ? 0 : Integer.parseInt(values[LEVEL]);
		}

		boolean hiredBy(LocalDate day) {
			return values[HIRED].isEmpty() || !LocalDate.parse(values[HIRED]).isAfter(day);
		}

		/** The entries of the {@code skills} column as [skill, proficiency, flags...]. */
		List<String[]> skills() {
			List<String[]> skills = new ArrayList<>();
			for (String entry : values[SKILLS].split(";")) {
				if (!entry.isBlank()) {
					String[] parts = entry.strip().split(":");
					parts[0] = SkillSpellings.canonical(parts[0]);
					skills.add(parts);
				}
			}
			return skills;
		}

		List<String> languages() {
			return List.of(values[LANGUAGES].split(";")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		}

		List<String> goals() {
			return List.of(values[GOALS].split("\\|")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		}
	}

	/** A move: the department someone was in before and their manager there. */
	record Move(String department, Row manager) {
	}

	/** Today's people, indexed, and the leavers as they join. */
	static final class Staff {

		final List<Row> rows;
		final Map<String, Row> byId = new LinkedHashMap<>();
		final Map<String, Row> byEmail = new HashMap<>();
		private final Map<String, String> managerOf = new HashMap<>();
		private final Set<String> leads = new HashSet<>();

		Staff(List<Row> rows) {
			this.rows = rows;
			rows.forEach(this::index);
			for (Row row : rows) {
				String manager = resolve(row.get(MANAGER));
				if (manager != null) {
					managerOf.put(row.id(), manager);
					leads.add(manager);
				}
			}
		}

		private void index(Row row) {
			byId.put(row.id(), row);
			byEmail.put(row.email(), row);
		}

		@Nullable String resolve(String reference) {
			if (reference.isEmpty()) {
				return null;
			}
			Row row = byId.get(reference);
			if (row == null) {
				row = byEmail.get(reference.toLowerCase(Locale.ROOT));
			}
			return row == null ? null : row.id();
		}

		boolean leads(String id) {
			return leads.contains(id);
		}

		@Nullable String managerOf(String id) {
			return managerOf.get(id);
		}

		/** Whether one of the two is the other's manager, manager's manager and so on (today). */
		boolean shareReportingLine(String a, String b) {
			return above(a, b) || above(b, a);
		}

		private boolean above(String boss, String person) {
			for (String m = managerOf.get(person); m != null; m = managerOf.get(m)) {
				if (m.equals(boss)) {
					return true;
				}
			}
			return false;
		}

		/** Today's leads in a department who are among {@code present}, in file order. */
		List<Row> leadsIn(String department, Collection<Row> present) {
			List<Row> found = new ArrayList<>();
			for (Row row : present) {
				if (leads.contains(row.id()) && row.get(DEPARTMENT).equals(department)) {
					found.add(row);
				}
			}
			return found;
		}

		boolean hasLead(String department, Collection<Row> present) {
			return !leadsIn(department, present).isEmpty();
		}

		/** A leaver from the pool joins with a new employee id and a lead of their department among {@code present}. */
		Row join(Row pooled, String employeeId, Collection<Row> present, SplittableRandom random) {
			Row row = pooled.copy();
			row.set(ID, employeeId);
			List<Row> candidates = leadsIn(row.get(DEPARTMENT), present);
			Row manager = candidates.get(random.nextInt(candidates.size()));
			row.set(MANAGER, manager.email());
			index(row);
			managerOf.put(employeeId, manager.id());
			return row;
		}

		/**
		 * Draws {@code count} movers from {@code candidates}: each gets another department that has a
		 * lead among {@code present} at a higher level than theirs, and that lead as manager, never
		 * one whose reporting line holds their partner in the finished programme.
		 */
		Map<String, Move> moves(List<Row> candidates, int count, Collection<Row> present, Cohort cohort,
				SplittableRandom random) {
			List<String> departments = new ArrayList<>(new java.util.TreeSet<>(present.stream().map(r -> r.get(DEPARTMENT)).toList()));
			List<Row> order = new ArrayList<>(candidates);
			shuffle(order, random);
			Map<String, Move> moves = new LinkedHashMap<>();
			for (Row row : order) {
				if (moves.size() == count) {
					break;
				}
				List<String> others = new ArrayList<>(departments);
				others.remove(row.get(DEPARTMENT));
				shuffle(others, random);
				for (String department : others) {
					List<Row> fitting = leadsIn(department, present).stream()
						.filter(lead -> lead.level() > row.level() && !lead.id().equals(row.id())
								&& cohort.partnersOf(row.id()).stream().noneMatch(p -> p.equals(lead.id()) || above(p, lead.id())))
						.toList();
					if (!fitting.isEmpty()) {
						moves.put(row.id(), new Move(department, fitting.get(random.nextInt(fitting.size()))));
						break;
					}
				}
			}
			return moves;
		}

		/**
		 * Points everyone whose manager is not in the export at the nearest manager above who is (a
		 * lead who joined later: their team reported to the lead's own manager until then).
		 */
		void reportToPresent(List<Row> export) {
			Set<String> present = ids(export);
			for (Row row : export) {
				String manager = resolve(row.get(MANAGER));
				if (manager == null || present.contains(manager)) {
					continue;
				}
				while (manager != null && !present.contains(manager)) {
					manager = managerOf.get(manager);
				}
				row.set(MANAGER, manager == null ? "" : byId.get(manager).email());
			}
		}
	}
}
