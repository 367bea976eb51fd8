package org.guildhall.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guildhall.insights.ProgrammeDashboard.ProgrammeRef;
import org.guildhall.insights.internal.Dashboards;
import org.guildhall.insights.internal.Fairness;
import org.guildhall.insights.internal.Figures;
import org.guildhall.insights.internal.NetworkMap;
import org.guildhall.insights.internal.PersonalFigures;
import org.guildhall.insights.internal.Rebuild;
import org.guildhall.insights.internal.ReadModel;
import org.guildhall.insights.internal.ShortCache;
import org.guildhall.people.Characteristics;
import org.guildhall.people.CharacteristicsSettings;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.programmes.Proposal;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organisation's mentoring and community change, for the people allowed to see it:
 * administrators see everything; programme managers see the programmes they run (and the
 * organisation-wide network and skills figures, which show no group smaller than five); everyone
 * else sees only their own figures. Asking for a programme one may not see answers "not found".
 */
@Service
public class Insights {

	/** How long computed figures are served again before they are counted afresh. */
	static final Duration FRESH = Duration.ofSeconds(5);
	/**
	 * The same for figures that are counted again as soon as the version of their data moves (see
	 * {@link ReadModel#version}): the window only catches what changes with time alone (pairs
	 * falling quiet, the weeks of the trend), so it can be long, and an unchanged dashboard costs no
	 * recount while people look at it.
	 */
	static final Duration VERSIONED = Duration.ofSeconds(60);

	private final JdbcTemplate jdbc;
	private final Dashboards dashboards;
	private final ReadModel model;
	private final Rebuild rebuild;
	private final ShortCache<String, ProgrammeDashboard> cache = new ShortCache<>(VERSIONED, 500);
	private final ShortCache<String, NetworkMap.Graph> mapCache = new ShortCache<>(Duration.ofSeconds(30), 100);
	private final ShortCache<Integer, SkillsReport> skillCache = new ShortCache<>(Duration.ofSeconds(30), 50);
	private final ShortCache<String, FairnessAudit> fairnessCache = new ShortCache<>(FRESH, 100);
	private final ShortCache<String, Facets> facetCache = new ShortCache<>(VERSIONED, 1);
	private final Fairness fairness;
	private final MatchingRuns runs;
	private final Characteristics characteristics;
	private final Figures figures;
	private final NetworkMap maps;
	private final PersonalFigures personal;
	private final Clock clock = Clock.systemUTC();

	Insights(JdbcTemplate jdbc, Dashboards dashboards, ReadModel model, Rebuild rebuild, Figures figures, NetworkMap maps,
			PersonalFigures personal, Fairness fairness, MatchingRuns runs, Characteristics characteristics) {
		this.model = model;
		this.fairness = fairness;
		this.characteristics = characteristics;
		this.runs = runs;
		this.figures = figures;
		this.maps = maps;
		this.personal = personal;
		this.jdbc = jdbc;
		this.dashboards = dashboards;
		this.rebuild = rebuild;
	}

	/** Whether the user may open the organisation's insights at all (not just their own). */
	public static boolean mayView(CurrentUser user) {
		return user.isAdmin() || user.hasRole(CurrentUser.PROGRAMME_MANAGER);
	}

	/** The programmes whose figures the user may see, newest first. */
	@Transactional(readOnly = true)
	public List<ProgrammeRef> programmes(CurrentUser user) {
		requireViewer(user);
		String sql = "SELECT programme_id, name, format, status FROM insight_programme";
		Object[] args = {};
		if (!user.isAdmin()) {
			sql += " WHERE owner_account_id = ?";
			args = new Object[] {user.accountId()};
		}
		return jdbc.query(sql + " ORDER BY programme_id DESC",
				(rs, n) -> new ProgrammeRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), args);
	}

	/** The dashboard of one programme, or of all the user's programmes when the filter names none. */
	@Transactional(readOnly = true)
	public ProgrammeDashboard dashboard(InsightFilter filter, CurrentUser user) {
		return dashboard(filter, user, true);
	}

	/** The same, counted afresh (tests, exports). */
	@Transactional(readOnly = true)
	ProgrammeDashboard dashboardUncached(InsightFilter filter, CurrentUser user) {
		return dashboard(filter, user, false);
	}

	private ProgrammeDashboard dashboard(InsightFilter filter, CurrentUser user, boolean cached) {
		List<ProgrammeRef> visible = programmes(user);
		List<ProgrammeRef> scope = visible;
		String name = user.isAdmin() ? "All programmes" : "All your programmes";
		if (filter.programmeId() != null) {
			scope = visible.stream().filter(p -> p.id() == filter.programmeId()).toList();
			if (scope.isEmpty()) {
				throw new NotFoundException("No programme with id " + filter.programmeId());
			}
			name = scope.get(0).name();
		}
		String scopeName = name;
		List<ProgrammeRef> programmes = scope;
		if (!cached) {
			return dashboards.dashboard(filter, scopeName, programmes, clock.instant());
		}
		String key = filter + "|" + programmes.stream().map(p -> Long.toString(p.id())).reduce("", (a, b) -> a + "," + b);
		return cache.get(key, model.version(filter.programmeId()), () -> dashboards.dashboard(filter, scopeName, programmes, clock.instant()));
	}

	/** The values the filters offer: departments, locations, levels and cohorts present in the model. */
	@Transactional(readOnly = true)
	public Facets facets(CurrentUser user) {
		requireViewer(user);
		return facetCache.get("all", model.version(null), this::countFacets);
	}

	private Facets countFacets() {
		List<String> departments = jdbc.queryForList(
				"SELECT DISTINCT department FROM insight_person WHERE department IS NOT NULL ORDER BY department", String.class);
		List<String> locations = jdbc.queryForList(
				"SELECT DISTINCT location FROM insight_person WHERE location IS NOT NULL ORDER BY location", String.class);
		List<Integer> levels = jdbc.queryForList(
				"SELECT DISTINCT level FROM insight_person WHERE level IS NOT NULL ORDER BY level", Integer.class);
		List<String> cohorts = new java.util.TreeSet<>(jdbc.query("SELECT DISTINCT enrolled_at FROM insight_enrolment",
				(rs, n) -> Dashboards.cohortOf(rs.getTimestamp(1).toInstant()))).descendingSet().stream().toList();
		return new Facets(departments, locations, levels, cohorts);
	}

	/**
	 * Participants against comparable colleagues, for one programme or (administrators) all
	 * programmes together; empty until the background figures have first been computed.
	 */
	@Transactional(readOnly = true)
	public Optional<Outcomes> outcomes(@Nullable Long programmeId, CurrentUser user) {
		List<ProgrammeRef> visible = programmes(user);
		if (programmeId == null && !user.isAdmin()) {
			throw new InvalidInputException("programme", "choose one of your programmes");
		}
		if (programmeId != null && visible.stream().noneMatch(p -> p.id() == programmeId)) {
			throw new NotFoundException("No programme with id " + programmeId);
		}
		return figures.outcomes(programmeId);
	}

	/** The organisation's learning network (administrators and programme managers). */
	@Transactional(readOnly = true)
	public Optional<LearningNetwork> network(CurrentUser user) {
		requireViewer(user);
		return figures.network();
	}

	/** The map of departments, or of one department's people, for the browser. */
	@Transactional(readOnly = true)
	public NetworkMap.Graph map(@Nullable String department, CurrentUser user) {
		requireViewer(user);
		if (department == null || department.isBlank()) {
			return figures.network().map(maps::departments).orElse(new NetworkMap.Graph(List.of(), List.of(), List.of(), 0, 0));
		}
		if (department.length() > 120) {
			throw new InvalidInputException("department", "must be at most 120 characters");
		}
		Long people = jdbc.queryForObject("SELECT COUNT(*) FROM insight_person WHERE active AND department = ?", Long.class, department);
		if (people == null || people == 0) {
			throw new NotFoundException("No department called " + department);
		}
		if (people < Count.MIN_GROUP) {
			throw new InvalidInputException("department", "has fewer than " + Count.MIN_GROUP + " people, so it is not shown on its own");
		}
		return mapCache.get(department, () -> maps.department(department));
	}

	/**
	 * Skills at risk and skills in short supply (administrators and programme managers).
	 * {@code threshold}: "at risk" means fewer active experts than this (1 to 50; null for the
	 * organisation's setting).
	 */
	@Transactional(readOnly = true)
	public Optional<SkillsReport> skills(@Nullable Integer threshold, CurrentUser user) {
		requireViewer(user);
		if (threshold != null && (threshold < 1 || threshold > 50)) {
			throw new InvalidInputException("below", "must be a number of people from 1 to 50");
		}
		if (threshold == null || threshold == figures.atRiskBelow()) {
			return figures.skills();
		}
		return Optional.of(skillCache.get(threshold, () -> figures.skills(threshold)));
	}

	/**
	 * The fairness audit of a programme the user manages: its latest run's proposals and the
	 * programme's pairs, by the mentees' department, location and level, and by each self-reported
	 * characteristic while the organisation asks them (read from the people module on every audit,
	 * so turning them off hides the breakdowns at once, before the copy of the answers is emptied).
	 */
	@Transactional(readOnly = true)
	public FairnessAudit fairness(long programmeId, CurrentUser user) {
		ProgrammeRef programme = programmes(user).stream().filter(p -> p.id() == programmeId).findFirst()
			.orElseThrow(() -> new NotFoundException("No programme with id " + programmeId));
		// the setting is part of the key: turning characteristics off hides their breakdowns at once
		CharacteristicsSettings settings = characteristics.settings();
		String key = programmeId + "|" + user.accountId() + "|" + settings.asked().stream().map(c -> c.key()).toList();
		return fairnessCache.get(key, () -> {
			MatchingRun run = runs.latest(programmeId, user).orElse(null);
			List<Proposal> proposals = run == null || run.state() != MatchingRun.State.DONE ? List.of()
					: runs.proposals(programmeId, run.id(), user);
			return fairness.audit(programmeId, programme.name(), run, proposals, settings.asked(), settings.on(), clock.instant());
		});
	}

	/** The signed-in person's own figures. */
	@Transactional(readOnly = true)
	public MyInsights mine(CurrentUser user) {
		if (user.personId() == null) {
			throw new NotFoundException("Your account has no profile in the directory, so it has no figures of its own");
		}
		return personal.of(user.personId());
	}

	/** Filter values for the dashboards' forms. */
	public record Facets(List<String> departments, List<String> locations, List<Integer> levels, List<String> cohorts) {
	}

	/** Rebuilds the read model from the owning modules (administrators only). */
	public Duration rebuild(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only administrators rebuild the insights");
		}
		Duration took = rebuild.rebuild();
		cache.clear();
		mapCache.clear();
		skillCache.clear();
		figures.computeNow();
		return took;
	}

	/** When the model was last rebuilt from the owners, if ever. */
	@Transactional(readOnly = true)
	public java.util.Optional<Instant> builtAt() {
		return jdbc.query("SELECT state_value FROM insight_state WHERE state_key = 'built.at'", (rs, n) -> Instant.parse(rs.getString(1)))
			.stream().findFirst();
	}

	static void requireViewer(CurrentUser user) {
		if (!mayView(user)) {
			throw new AccessDeniedException("Insights are for programme managers and administrators");
		}
	}
}
