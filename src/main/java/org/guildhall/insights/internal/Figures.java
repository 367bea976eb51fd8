package org.guildhall.insights.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.guildhall.insights.Outcomes;
import org.guildhall.insights.SkillsReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures that take seconds to compute over a large organisation (outcomes, skills, the
 * learning network) are computed in the background whenever the read model changed, on one node
 * at a time, and kept as JSON snapshots that every node serves. A change shows once the next
 * round has run: within the interval plus the time the round takes. The network has rounds of its
 * own, every second, that apply only what changed (see {@link NetworkSnapshots}).
 */
@Component
public class Figures {

	private static final Logger log = LoggerFactory.getLogger(Figures.class);
	static final String OUTCOMES = "outcomes:";
	static final String SKILLS = "skills";

	private final JdbcTemplate jdbc;
	private final ReadModel model;
	private final OutcomeFigures outcomes;
	private final SkillFigures skills;
	private final NetworkSnapshots network;
	private final JsonMapper json;
	private final TransactionTemplate transactions;
	private final int atRiskBelow;
	private final Clock clock = Clock.systemUTC();

	Figures(JdbcTemplate jdbc, ReadModel model, OutcomeFigures outcomes, SkillFigures skills, NetworkSnapshots network,
			JsonMapper json, TransactionTemplate transactions, @Value("${guildhall.insights.at-risk-below:3}") int atRiskBelow) {
		this.jdbc = jdbc;
		this.model = model;
		this.outcomes = outcomes;
		this.skills = skills;
		this.network = network;
		this.json = json;
		this.transactions = transactions;
		this.atRiskBelow = atRiskBelow;
	}

	@Scheduled(fixedDelayString = "${guildhall.insights.figures-interval:PT5S}", initialDelayString = "PT5S")
	@SchedulerLock(name = "insights-figures", lockAtMostFor = "PT15M")
	void computeWhenStale() {
		if (!model.state(ReadModel.STALE).map(Boolean::parseBoolean).orElse(true)) {
			return;
		}
		computeNow();
	}

	@Scheduled(fixedDelayString = "${guildhall.insights.network-interval:PT1S}", initialDelayString = "PT5S")
	@SchedulerLock(name = "insights-network", lockAtMostFor = "PT15M")
	void networkWhenChanged() {
		updateNetwork();
	}

	/**
	 * Applies the network changes made since the last round (what the schedule does; tests call
	 * it); returns whether there were any, so that a new snapshot was written.
	 */
	public boolean updateNetwork() {
		return network.round(false, clock.instant(), this::save);
	}

	/** Computes every snapshot now, the network's bridging and clusters included (after a rebuild, in tests). */
	public void computeNow() {
		network.round(true, clock.instant(), this::save);
		long start = System.nanoTime();
		// marked fresh first: a change made while this round runs marks it stale again for the next round
		// every write takes the feed's lock first, like the feed and the rebuild, so none of them deadlock
		transactions.executeWithoutResult(tx -> {
			model.lock();
			model.state(ReadModel.STALE, "false");
		});
		Instant now = clock.instant();
		Map<@Nullable Long, Outcomes> all = outcomes.all(now);
		SkillsReport report = skills.report(atRiskBelow, now);
		transactions.executeWithoutResult(tx -> {
			model.lock();
			jdbc.update("DELETE FROM insight_snapshot WHERE name LIKE ?", OUTCOMES + "%");
			all.forEach((programme, o) -> save(OUTCOMES + (programme == null ? "all" : programme), o, now));
			save(SKILLS, report, now);
		});
		log.info("Insights figures computed in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	public int atRiskBelow() {
		return atRiskBelow;
	}

	void save(String name, Object value, Instant now) {
		String body = json.writeValueAsString(value);
		jdbc.update("DELETE FROM insight_snapshot WHERE name = ?", name);
		jdbc.update("INSERT INTO insight_snapshot (name, computed_at, body) VALUES (?, ?, ?)", name, Timestamp.from(now), body);
	}

	public <T> Optional<T> snapshot(String name, Class<T> type) {
		return jdbc.query("SELECT body FROM insight_snapshot WHERE name = ?", (rs, n) -> rs.getString(1), name).stream()
			.findFirst().map(body -> json.readValue(body, type));
	}

	public Optional<Outcomes> outcomes(@Nullable Long programmeId) {
		return snapshot(OUTCOMES + (programmeId == null ? "all" : programmeId), Outcomes.class);
	}

	public Optional<org.guildhall.insights.LearningNetwork> network() {
		return snapshot(NetworkSnapshots.NETWORK, org.guildhall.insights.LearningNetwork.class);
	}

	public Optional<SkillsReport> skills() {
		return snapshot(SKILLS, SkillsReport.class);
	}

	/** Skills at risk below another threshold than the configured one, counted now. */
	public SkillsReport skills(int threshold) {
		return skills.report(threshold, clock.instant());
	}
}
