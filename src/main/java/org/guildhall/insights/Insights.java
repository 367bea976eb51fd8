package org.guildhall.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.guildhall.insights.ProgrammeDashboard.ProgrammeRef;
import org.guildhall.insights.internal.Dashboards;
import org.guildhall.insights.internal.Rebuild;
import org.guildhall.insights.internal.ShortCache;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
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

	/** How long a computed dashboard is served again before it is counted afresh. */
	static final Duration FRESH = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;
	private final Dashboards dashboards;
	private final Rebuild rebuild;
	private final ShortCache<String, ProgrammeDashboard> cache = new ShortCache<>(FRESH, 500);
	private final Clock clock = Clock.systemUTC();

	Insights(JdbcTemplate jdbc, Dashboards dashboards, Rebuild rebuild) {
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
		return cache.get(key, () -> dashboards.dashboard(filter, scopeName, programmes, clock.instant()));
	}

	/** The values the filters offer: departments, locations, levels and cohorts present in the model. */
	@Transactional(readOnly = true)
	public Facets facets(CurrentUser user) {
		requireViewer(user);
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
