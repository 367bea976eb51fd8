package org.guildhall.demo;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who reports to whom, where they sit and what they are called, for every person of a generated
 * company. Held in primitive arrays (about 32 bytes a person, 8 more while sorting) so that
 * 500,000 people fit easily; the text of each row is only produced while it is written.
 *
 * <p>The CEO is person 0. Below 150 people the CEO leads the department heads directly;
 * larger companies get an executive team (CTO, CPO, CRO, CFO, COO), each running a division of
 * departments. Below the department heads, every lead has four to nine direct reports.
 */
final class OrgChart {

	/** Companies at least this large have an executive team between the CEO and department heads. */
	static final int EXECUTIVE_TEAM_FROM = 150;
	static final int MIN_SPAN = 4;
	static final int MAX_SPAN = 9;
	static final int TOP_LEVEL = 15;
	static final LocalDate FOUNDED = LocalDate.of(2012, 4, 2);
	static final LocalDate EXPORTED = LocalDate.of(2025, 6, 30);

	/** A lead this deep takes all remaining people as direct reports, so that levels never run out. */
	private static final int DEEPEST_LEAD = 12;
	/** Percent of individual contributors at levels 1, 2, 3 ... 10. */
	private static final int[] CONTRIBUTOR_LEVELS = { 3, 10, 17, 20, 18, 14, 9, 5, 3, 1 };
	/** Departments of a small company's first leads, in the order they are founded. */
	private static final Department[] FOUNDING_ORDER = { Department.ENGINEERING, Department.SALES,
			Department.PRODUCT, Department.CUSTOMER_SUCCESS, Department.OPERATIONS, Department.MARKETING,
			Department.DATA, Department.DESIGN, Department.FINANCE };

	/** What a person's post is, apart from leading people. */
	enum Post {
		MEMBER, DEPARTMENT_HEAD, EXECUTIVE, CHIEF_EXECUTIVE
	}

	/** A part of a large company led by one executive. */
	enum Division {
		TECHNOLOGY("Chief Technology Officer", Department.ENGINEERING, Department.DATA, Department.SECURITY),
		PRODUCT("Chief Product Officer", Department.PRODUCT, Department.DESIGN),
		REVENUE("Chief Revenue Officer", Department.SALES, Department.MARKETING, Department.CUSTOMER_SUCCESS),
		FINANCE("Chief Financial Officer", Department.FINANCE, Department.LEGAL),
		OPERATIONS("Chief Operating Officer", Department.OPERATIONS, Department.PEOPLE);

		private final String executiveTitle;
		private final List<Department> departments;

		Division(String executiveTitle, Department... departments) {
			this.executiveTitle = executiveTitle;
			this.departments = List.of(departments);
		}

		String executiveTitle() {
			return executiveTitle;
		}

		/** The departments of the division; the executive belongs to the first. */
		List<Department> departments() {
			return departments;
		}

		static Division ledFrom(Department department) {
			for (Division division : values()) {
				if (division.departments.get(0) == department) {
					return division;
				}
			}
			throw new IllegalArgumentException("no division is led from " + department);
		}
	}

	static final String EMAIL_DOMAIN = "example.com";
	private static final byte NONE = -1;
	/** Bits of a row number in a packed sort key: enough for {@link OrganisationGenerator#MAX_PEOPLE}. */
	private static final int ROW_BITS = 19;

	private static final Department[] DEPARTMENTS = Department.values();
	private static final Office[] OFFICES = Office.values();
	private static final Culture[] CULTURES = Culture.values();
	private static final Post[] POSTS = Post.values();
	private static final String[][] FOLDED_GIVEN_NAMES = Arrays.stream(CULTURES)
		.map(culture -> culture.givenNames().stream().map(OrgChart::fold).toArray(String[]::new))
		.toArray(String[][]::new);
	private static final String[][] FOLDED_FAMILY_NAMES = Arrays.stream(CULTURES)
		.map(culture -> culture.familyNames().stream().map(OrgChart::fold).toArray(String[]::new))
		.toArray(String[][]::new);
	private static final int OFFICE_WEIGHTS = Arrays.stream(OFFICES).mapToInt(Office::weight).sum();

	private final int size;
	private final SplittableRandom random;
	private final int[] manager;
	private final byte[] depth;
	private final byte[] height;
	private final byte[] level;
	private final byte[] department;
	private final byte[] post;
	private final byte[] office;
	private final byte[] givenCulture;
	private final byte[] givenName;
	private final byte[] secondGivenName;
	private final byte[] familyCulture;
	private final byte[] familyName;
	private final byte[] secondFamilyName;
	private final int[] hireDay;
	private final int[] personAtRow;
	private final int[] rowOf;
	private final int[] emailNumber;
	private int allocated;

	private OrgChart(int size, SplittableRandom random) {
		if (size < 1 || size > 1 << ROW_BITS) {
			throw new IllegalArgumentException("an org chart has 1 to " + (1 << ROW_BITS) + " people, not " + size);
		}
		this.size = size;
		this.random = random;
		manager = new int[size];
		depth = new byte[size];
		height = new byte[size];
		level = new byte[size];
		department = new byte[size];
		post = new byte[size];
		office = new byte[size];
		givenCulture = new byte[size];
		givenName = new byte[size];
		secondGivenName = new byte[size];
		familyCulture = new byte[size];
		familyName = new byte[size];
		secondFamilyName = new byte[size];
		hireDay = new int[size];
		personAtRow = new int[size];
		rowOf = new int[size];
		emailNumber = new int[size];
	}

	/** Draws a company of the given size; the same random state gives the same company. */
	static OrgChart draw(int size, SplittableRandom random) {
		OrgChart chart = new OrgChart(size, random);
		chart.drawStructure();
		if (chart.allocated != size) {
			throw new IllegalStateException("placed " + chart.allocated + " of " + size + " people");
		}
		chart.drawHireDates();
		chart.orderRowsByHireDate();
		chart.numberEmails();
		return chart;
	}

	int size() {
		return size;
	}

	/** The person written on the given row (rows are in order of hire date, like employee ids). */
	int personAtRow(int row) {
		return personAtRow[row];
	}

	/** The manager of the person, or -1 for the CEO. */
	int manager(int person) {
		return manager[person];
	}

	/** Distance from the CEO: 0 for the CEO, 1 for their direct reports. */
	int depth(int person) {
		return depth[person];
	}

	/** Whether the person has direct reports. */
	boolean leads(int person) {
		return height[person] > 0;
	}

	/** Whether the person leads only individual contributors (a first-line lead). */
	boolean leadsContributorsOnly(int person) {
		return height[person] == 1;
	}

	int level(int person) {
		return level[person];
	}

	Department department(int person) {
		return DEPARTMENTS[department[person]];
	}

	Post post(int person) {
		return POSTS[post[person]];
	}

	Office office(int person) {
		return OFFICES[office[person]];
	}

	Culture culture(int person) {
		return CULTURES[givenCulture[person]];
	}

	/** The given name (or names) the person goes by. */
	String givenName(int person) {
		Culture culture = culture(person);
		String first = culture.givenNames().get(givenName[person]);
		if (secondGivenName[person] == NONE) {
			return first;
		}
		return first + culture.givenNameJoiner() + culture.givenNames().get(secondGivenName[person]);
	}

	String familyName(int person) {
		Culture culture = CULTURES[familyCulture[person]];
		String first = culture.familyNames().get(familyName[person]);
		if (secondFamilyName[person] == NONE) {
			return first;
		}
		return first + culture.familyNameJoiner() + culture.familyNames().get(secondFamilyName[person]);
	}

	String fullName(int person) {
		return givenName(person) + " " + familyName(person);
	}

	LocalDate hireDate(int person) {
		return LocalDate.ofEpochDay(hireDay[person]);
	}

	/** Employee ids follow the order of hiring: {@code E000001} is the CEO. */
	String employeeId(int person) {
		String number = Integer.toString(rowOf[person] + 1);
		StringBuilder id = new StringBuilder(8).append('E');
		for (int pad = number.length(); pad < 6; pad++) {
			id.append('0');
		}
		return id.append(number).toString();
	}

	/**
	 * {@code given.family@example.com} folded to ASCII; the second person whose address would be
	 * the same gets {@code given.family2}, the third {@code given.family3}, in order of hiring.
	 */
	String email(int person) {
		StringBuilder email = emailBase(person);
		if (emailNumber[person] > 1) {
			email.append(emailNumber[person]);
		}
		return email.append('@').append(EMAIL_DOMAIN).toString();
	}

	/** The local part of the address before any number: no digits, so numbered ones never clash. */
	private StringBuilder emailBase(int person) {
		Culture culture = culture(person);
		String[] given = FOLDED_GIVEN_NAMES[givenCulture[person]];
		StringBuilder base = new StringBuilder(40).append(given[givenName[person]]);
		if (secondGivenName[person] != NONE) {
			base.append(culture.givenNameJoiner() == ' ' ? '.' : '-').append(given[secondGivenName[person]]);
		}
		String[] family = FOLDED_FAMILY_NAMES[familyCulture[person]];
		base.append('.').append(family[familyName[person]]);
		if (secondFamilyName[person] != NONE) {
			base.append('-').append(family[secondFamilyName[person]]);
		}
		return base;
	}

	private void drawStructure() {
		int ceo = allocate(-1, Department.EXECUTIVE, 0, Post.CHIEF_EXECUTIVE, true);
		if (size >= EXECUTIVE_TEAM_FROM) {
			growExecutiveTeam(ceo);
		}
		else {
			growFoundingTeam(ceo);
		}
		level[ceo] = TOP_LEVEL;
	}

	private void growExecutiveTeam(int ceo) {
		Division[] divisions = Division.values();
		int[] weights = new int[DEPARTMENTS.length];
		for (Department each : DEPARTMENTS) {
			weights[each.ordinal()] = each.weight() * (85 + random.nextInt(31));
		}
		int[] headcount = share(size - 1 - divisions.length, weights);
		int tallest = 0;
		for (Division division : divisions) {
			int executive = allocate(ceo, division.departments().get(0), 1, Post.EXECUTIVE, true);
			int tallestBelow = 0;
			for (Department each : division.departments()) {
				int head = allocate(executive, each, 2, Post.DEPARTMENT_HEAD, true);
				grow(head, headcount[each.ordinal()] - 1);
				tallestBelow = Math.max(tallestBelow, height[head]);
			}
			height[executive] = (byte) (tallestBelow + 1);
			level[executive] = TOP_LEVEL - 1;
			tallest = Math.max(tallest, height[executive]);
		}
		height[ceo] = (byte) (tallest + 1);
	}

	private void growFoundingTeam(int ceo) {
		int budget = size - 1;
		if (budget == 0) {
			return;
		}
		int span = budget <= MAX_SPAN ? budget : Math.min(MIN_SPAN + random.nextInt(MAX_SPAN - MIN_SPAN + 1), budget - MIN_SPAN);
		int leads = budget <= MAX_SPAN ? 0 : leadsAmong(span, budget - span);
		int[] weights = new int[leads];
		for (int i = 0; i < leads; i++) {
			weights[i] = Math.max(FOUNDING_ORDER[i].weight(), 2) * (80 + random.nextInt(41));
		}
		int[] teams = teamSizes(budget - span, weights);
		int tallest = 0;
		for (int i = 0; i < span; i++) {
			Department each = FOUNDING_ORDER[i];
			int report = allocate(ceo, each, 1, i < leads ? Post.DEPARTMENT_HEAD : Post.MEMBER, i < leads);
			grow(report, i < leads ? teams[i] : 0);
			tallest = Math.max(tallest, height[report]);
		}
		height[ceo] = (byte) (tallest + 1);
	}

	/**
	 * Gives the person {@code budget} people below them (0: an individual contributor), sets their
	 * height and level. Levels are set bottom-up so that every lead is above all their reports.
	 */
	private void grow(int lead, int budget) {
		int leadDepth = depth[lead];
		int ceiling = TOP_LEVEL - leadDepth;
		if (budget == 0) {
			level[lead] = (byte) Math.min(contributorLevel(), ceiling);
			return;
		}
		int span;
		int leads;
		if (budget <= MAX_SPAN || leadDepth >= DEEPEST_LEAD) {
			span = budget;
			leads = 0;
		}
		else {
			span = Math.min(MIN_SPAN + random.nextInt(MAX_SPAN - MIN_SPAN + 1), budget - MIN_SPAN);
			leads = leadsAmong(span, budget - span);
		}
		int[] weights = new int[leads];
		for (int i = 0; i < leads; i++) {
			weights[i] = 60 + random.nextInt(81);
		}
		int[] teams = teamSizes(budget - span, weights);
		int highestReport = 0;
		int tallestReport = 0;
		Department own = DEPARTMENTS[department[lead]];
		for (int i = 0; i < span; i++) {
			int report = allocate(lead, own, leadDepth + 1, Post.MEMBER, i < leads);
			grow(report, i < leads ? teams[i] : 0);
			highestReport = Math.max(highestReport, level[report]);
			tallestReport = Math.max(tallestReport, height[report]);
		}
		height[lead] = (byte) (tallestReport + 1);
		int floor = highestReport + 1;
		boolean headOfLargeDepartment = post[lead] == Post.DEPARTMENT_HEAD.ordinal() && size >= EXECUTIVE_TEAM_FROM;
		int wanted = headOfLargeDepartment ? 12 : 7 + random.nextInt(2);
		if (random.nextInt(3) == 0) {
			wanted++;
		}
		level[lead] = (byte) Math.min(ceiling, Math.max(floor, wanted));
	}

	/** How many of a lead's direct reports lead teams themselves, given the people below them. */
	private int leadsAmong(int span, int below) {
		int teamSize = MIN_SPAN + random.nextInt(5);
		int leads = Math.max(1, Math.min(span, below / teamSize));
		if (leads == span && below > 60 && random.nextInt(10) < 3) {
			leads--; // a senior individual contributor reporting directly to a senior lead
		}
		return leads;
	}

	/** Sizes of the teams below each lead: at least {@link #MIN_SPAN} each, the rest by weight. */
	private static int[] teamSizes(int people, int[] weights) {
		int[] extra = share(people - MIN_SPAN * weights.length, weights);
		for (int i = 0; i < extra.length; i++) {
			extra[i] += MIN_SPAN;
		}
		return extra;
	}

	/**
	 * Splits a whole number in proportion to the weights; the parts add up exactly and a part with
	 * weight 0 stays 0.
	 */
	private static int[] share(int total, int[] weights) {
		long sum = 0;
		for (int weight : weights) {
			sum += weight;
		}
		int[] parts = new int[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			parts[i] = (int) (total * (long) weights[i] / sum);
			given += parts[i];
		}
		for (int i = 0; given < total; i = (i + 1) % parts.length) {
			if (weights[i] > 0) {
				parts[i]++;
				given++;
			}
		}
		return parts;
	}

	private int contributorLevel() {
		int roll = random.nextInt(100);
		for (int i = 0; i < CONTRIBUTOR_LEVELS.length; i++) {
			roll -= CONTRIBUTOR_LEVELS[i];
			if (roll < 0) {
				return i + 1;
			}
		}
		return CONTRIBUTOR_LEVELS.length;
	}

	private int allocate(int lead, Department in, int atDepth, Post as, boolean leadsOthers) {
		int person = allocated++;
		manager[person] = lead;
		depth[person] = (byte) atDepth;
		department[person] = (byte) in.ordinal();
		post[person] = (byte) as.ordinal();
		// teams mostly sit with their lead; leads of leads are spread more widely
		boolean staysWithLead = lead >= 0 && random.nextInt(100) < (leadsOthers ? 35 : 75);
		Office where = staysWithLead ? OFFICES[office[lead]] : anyOffice();
		office[person] = (byte) where.ordinal();
		Culture given = cultureIn(where);
		Culture family = random.nextInt(5) == 0 ? cultureIn(where) : given;
		givenCulture[person] = (byte) given.ordinal();
		givenName[person] = (byte) random.nextInt(given.givenNames().size());
		secondGivenName[person] = secondName(given.givenNames(), givenName[person], given.secondGivenNamePercent());
		familyCulture[person] = (byte) family.ordinal();
		familyName[person] = (byte) random.nextInt(family.familyNames().size());
		secondFamilyName[person] = secondName(family.familyNames(), familyName[person], family.secondFamilyNamePercent());
		return person;
	}

	private byte secondName(List<String> names, byte first, int percent) {
		if (random.nextInt(100) >= percent) {
			return NONE;
		}
		int second = random.nextInt(names.size() - 1);
		return (byte) (second >= first ? second + 1 : second);
	}

	private Office anyOffice() {
		int roll = random.nextInt(OFFICE_WEIGHTS);
		for (Office each : OFFICES) {
			roll -= each.weight();
			if (roll < 0) {
				return each;
			}
		}
		throw new IllegalStateException("office weights do not add up");
	}

	private Culture cultureIn(Office where) {
		int roll = random.nextInt(100);
		List<Culture> locals = where.locals();
		if (roll < 50) {
			return locals.get(0);
		}
		if (roll < 80) {
			return locals.get(random.nextInt(locals.size()));
		}
		return CULTURES[random.nextInt(CULTURES.length)];
	}

	/**
	 * The CEO founded the company; executives and department heads joined any time; most others
	 * joined in the later, faster-growing years, juniors recently.
	 */
	private void drawHireDates() {
		int founded = (int) FOUNDED.toEpochDay();
		int exported = (int) EXPORTED.toEpochDay();
		int years = exported - founded;
		for (int person = 0; person < size; person++) {
			Post as = POSTS[post[person]];
			int day;
			if (as == Post.CHIEF_EXECUTIVE) {
				day = founded;
			}
			else if (as != Post.MEMBER) {
				day = founded + random.nextInt(years);
			}
			else if (height[person] == 0 && level[person] <= 2) {
				day = exported - random.nextInt(Math.min(900, years));
			}
			else {
				day = founded + 1 + (int) (Math.sqrt(random.nextDouble()) * (years - 1));
			}
			hireDay[person] = day;
		}
	}

	private void orderRowsByHireDate() {
		long[] keys = new long[size];
		for (int person = 0; person < size; person++) {
			keys[person] = ((long) hireDay[person] << 32) | person;
		}
		Arrays.sort(keys);
		for (int row = 0; row < size; row++) {
			int person = (int) keys[row];
			personAtRow[row] = person;
			rowOf[person] = row;
		}
	}

	/**
	 * Numbers people whose addresses would be the same, in order of hiring. Addresses are compared
	 * by a 44-bit hash of their text, packed with the row into one sortable long, so no strings are
	 * held; two different addresses with the same hash would merely both get numbers.
	 */
	private void numberEmails() {
		long[] keys = new long[size];
		for (int row = 0; row < size; row++) {
			keys[row] = (hash44(emailBase(personAtRow[row])) << ROW_BITS) | row;
		}
		Arrays.sort(keys);
		long previous = -1;
		int number = 0;
		for (long key : keys) {
			long address = key >>> ROW_BITS;
			number = address == previous ? number + 1 : 1;
			previous = address;
			emailNumber[personAtRow[(int) (key & ((1L << ROW_BITS) - 1))]] = number;
		}
	}

	private static long hash44(CharSequence text) {
		long hash = 0xcbf29ce484222325L; // FNV-1a
		for (int i = 0; i < text.length(); i++) {
			hash ^= text.charAt(i);
			hash *= 0x100000001b3L;
		}
		return (hash ^ (hash >>> 29)) & ((1L << 44) - 1);
	}

	/**
	 * A name as it appears in an e-mail address: accents and other marks removed, lower case, only
	 * letters and hyphens ("Łukasz" → {@code lukasz}, "O'Brien" → {@code obrien}).
	 */
	static String fold(String name) {
		String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
		StringBuilder folded = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = Character.toLowerCase(decomposed.charAt(i));
			switch (c) {
				case 'ß' -> folded.append("ss");
				case 'ł' -> folded.append('l');
				case 'ø' -> folded.append('o');
				case 'đ' -> folded.append('d');
				case 'ı' -> folded.append('i');
				case 'æ' -> folded.append("ae");
				case 'œ' -> folded.append("oe");
				default -> {
					if ((c >= 'a' && c <= 'z') || c == '-') {
						folded.append(c);
					}
				}
			}
		}
		return folded.toString();
	}
}
