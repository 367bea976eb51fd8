package org.guildhall.insights.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.guildhall.identity.Account;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.insights.InsightFilter;
import org.guildhall.insights.ProgrammeDashboard;
import org.guildhall.shared.DigestComposed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Once a month each programme manager gets a digest of their programmes (enrolled, matched,
 * active and quiet pairs, endings, satisfaction) with a link back to the dashboard. Composed here
 * and delivered by the notifications module (in the app, and by e-mail through its outbox); the
 * digest's key is the month, so a second node or a second run sends nothing twice.
 */
@Component
public class MonthlyDigest {

	private static final Logger log = LoggerFactory.getLogger(MonthlyDigest.class);
	private static final Set<String> REPORTED = Set.of("ENROLLING", "MATCHING", "RUNNING");

	private final JdbcTemplate jdbc;
	private final Dashboards dashboards;
	private final IdentityManagement identity;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	MonthlyDigest(JdbcTemplate jdbc, Dashboards dashboards, IdentityManagement identity, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dashboards = dashboards;
		this.identity = identity;
		this.events = events;
	}

	@Scheduled(cron = "${guildhall.insights.digest.cron:0 0 7 1 * *}", zone = "UTC")
	@SchedulerLock(name = "insights-digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void monthly() {
		send(YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1));
	}

	/** Composes the digest about {@code month} for every manager with a programme under way; returns how many. */
	@Transactional
	public int send(YearMonth month) {
		List<Long> owners = jdbc.queryForList("SELECT DISTINCT owner_account_id FROM insight_programme WHERE status IN ('ENROLLING', 'MATCHING', 'RUNNING')",
				Long.class);
		int sent = 0;
		for (long owner : owners) {
			Account account = identity.account(owner).orElse(null);
			if (account == null || account.personId() == null || !account.enabled()) {
				continue;
			}
			List<ProgrammeDashboard.ProgrammeRef> programmes = jdbc.query(
					"SELECT programme_id, name, format, status FROM insight_programme WHERE owner_account_id = ? ORDER BY programme_id DESC",
					(rs, n) -> new ProgrammeDashboard.ProgrammeRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), owner)
				.stream().filter(p -> REPORTED.contains(p.status())).toList();
			if (programmes.isEmpty()) {
				continue;
			}
			StringBuilder body = new StringBuilder("How your programmes stand at the start of ")
				.append(month.plusMonths(1).getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))
				.append(":\n");
			for (ProgrammeDashboard.ProgrammeRef p : programmes) {
				ProgrammeDashboard d = dashboards.dashboard(new InsightFilter(p.id(), null, null, null, null), p.name(), List.of(p),
						clock.instant());
				body.append("\n").append(p.name()).append(" (").append(p.status().toLowerCase(java.util.Locale.ROOT)).append(")\n");
				if (d.suppressed()) {
					body.append("  Fewer than 5 mentees so far.\n");
					continue;
				}
				body.append("  ").append(d.funnel().enrolled().label()).append(" mentees enrolled, ").append(d.funnel().matched().label())
					.append(" matched (").append(d.matchRate().label()).append(")\n");
				body.append("  ").append(d.pairs().active().label()).append(" active pairs, ").append(d.pairs().quiet().label())
					.append(" of them quiet; ").append(d.pairs().completed().label()).append(" completed, ")
					.append(d.pairs().endedEarly().label()).append(" ended early\n");
				body.append("  Goals achieved: ").append(d.goals().completion().label());
				if (d.satisfaction().mean() != null) {
					body.append("; mean survey rating ").append(d.satisfaction().mean()).append(" of 5");
				}
				body.append("\n  /insights?programme=").append(p.id()).append("\n");
			}
			String title = "Your programmes in " + month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
					+ " " + month.getYear() + ": " + programmes.stream().map(ProgrammeDashboard.ProgrammeRef::name).collect(Collectors.joining(", "));
			events.publishEvent(new DigestComposed(account.personId(), "insights-digest:" + month + ":" + owner, title,
					body.toString(), "/insights"));
			sent++;
		}
		log.info("Insights digest for {}: {} programme managers", month, sent);
		return sent;
	}

}
