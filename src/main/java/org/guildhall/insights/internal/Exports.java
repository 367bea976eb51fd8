package org.guildhall.insights.internal;

import java.io.Writer;
import java.util.List;

import org.guildhall.insights.Count;
import org.guildhall.insights.FairnessAudit;
import org.guildhall.insights.LearningNetwork;
import org.guildhall.insights.Outcomes;
import org.guildhall.insights.ProgrammeDashboard;
import org.guildhall.insights.Rate;
import org.guildhall.insights.SkillsReport;
import org.jspecify.annotations.Nullable;

/**
 * Every insights table as CSV: one file per page, each table a block of rows that starts with its
 * name. Hidden figures are written as "fewer than 5", never as a number.
 */
public final class Exports {

	private Exports() {
	}

	public static void dashboard(ProgrammeDashboard d, Writer out) {
		try (SafeCsv csv = new SafeCsv(out)) {
			csv.row("table", "row", "value", "of", "share", "interval low", "interval high");
			csv.row("scope", d.scope(), d.suppressed() ? "fewer than 5" : d.people(), null, null, null, null);
			ProgrammeDashboard.Funnel f = d.funnel();
			count(csv, "funnel", "enrolled", f.enrolled());
			count(csv, "funnel", "matched", f.matched());
			count(csv, "funnel", "started", f.started());
			count(csv, "funnel", "completed", f.completed());
			count(csv, "funnel", "ended early", f.endedEarly());
			count(csv, "funnel", "waiting for approval", f.waitingForApproval());
			count(csv, "funnel", "withdrawn", f.withdrawn());
			rate(csv, "match rate", "matched of enrolled", d.matchRate());
			csv.row("time to match", "median days", d.timeToMatch().medianDays(), null, null, null, null);
			csv.row("time to match", "90th percentile days", d.timeToMatch().p90Days(), null, null, null, null);
			ProgrammeDashboard.Pairs p = d.pairs();
			count(csv, "pairs", "waiting", p.waiting());
			count(csv, "pairs", "active", p.active());
			count(csv, "pairs", "quiet", p.quiet());
			count(csv, "pairs", "completed", p.completed());
			count(csv, "pairs", "ended early", p.endedEarly());
			ProgrammeDashboard.Cadence c = d.cadence();
			count(csv, "cadence", "on cadence", c.onCadence());
			count(csv, "cadence", "behind", c.behind());
			count(csv, "cadence", "far behind", c.farBehind());
			count(csv, "cadence", "no agreement", c.noAgreement());
			count(csv, "goals", "set", d.goals().set());
			count(csv, "goals", "achieved", d.goals().achieved());
			rate(csv, "goals", "achieved of set", d.goals().completion());
			for (int i = 0; i < d.satisfaction().distribution().size(); i++) {
				count(csv, "satisfaction", "rated " + (i + 1), d.satisfaction().distribution().get(i));
			}
			for (ProgrammeDashboard.Reason r : d.earlyEndings()) {
				count(csv, "early endings", r.category(), r.pairs());
			}
			for (ProgrammeDashboard.Week w : d.trend()) {
				String week = w.monday().toString();
				count(csv, "week " + week, "enrolled", w.enrolled());
				count(csv, "week " + week, "matched", w.matched());
				count(csv, "week " + week, "started", w.started());
				count(csv, "week " + week, "ended", w.ended());
				count(csv, "week " + week, "meetings", w.meetings());
			}
			for (ProgrammeDashboard.GroupRow g : d.byDepartment()) {
				count(csv, "department " + g.group(), "enrolled", g.enrolled());
				count(csv, "department " + g.group(), "matched", g.matched());
				rate(csv, "department " + g.group(), "match rate", g.matchRate());
				count(csv, "department " + g.group(), "started", g.started());
				count(csv, "department " + g.group(), "completed", g.completed());
				count(csv, "department " + g.group(), "ended early", g.endedEarly());
			}
		}
	}

	public static void outcomes(Outcomes o, Writer out) {
		try (SafeCsv csv = new SafeCsv(out)) {
			csv.row("role", "outcome", "group", "achieved", "followed", "share", "interval low", "interval high");
			for (Outcomes.Side side : o.sides()) {
				for (Outcomes.Row r : side.rows()) {
					outcome(csv, side.role(), r.label(), "participants", r.participants());
					outcome(csv, side.role(), r.label(), "comparable colleagues", r.comparison());
				}
			}
			csv.row("note", Outcomes.CAVEAT, null, null, null, null, null, null);
		}
	}

	public static void network(LearningNetwork n, Writer out) {
		try (SafeCsv csv = new SafeCsv(out)) {
			csv.row("group", "people", "connected", "share connected", "isolated", "links", "crossing links", "share crossing");
			reach(csv, n.organisation());
			n.departments().forEach(r -> reach(csv, r));
			csv.row();
			csv.row("bridging person", "department", "betweenness", "links");
			n.bridges().forEach(b -> csv.row(b.name(), b.department(), b.betweenness(), b.links()));
			csv.row();
			csv.row("department a", "department b", "links");
			n.departmentLinks().forEach(l -> csv.row(l.a(), l.b(), l.links()));
			csv.row();
			csv.row("betweenness", n.method().describe());
		}
	}

	public static void skills(SkillsReport s, Writer out) {
		try (SafeCsv csv = new SafeCsv(out)) {
			csv.row("at risk: skill", "experts staying", "experts leaving", "experts who left", "want to learn", "why");
			s.atRisk().forEach(r -> csv.row(r.skill(), r.experts(), r.leaving(), r.left(), r.learners(), r.why()));
			csv.row();
			csv.row("gap: skill", "want to learn", "can teach", "learners per teacher");
			s.gaps().forEach(g -> csv.row(g.skill(), g.learners(), g.teachers(), g.perTeacher()));
			csv.row();
			csv.row("department", "skill", "want to learn", "can teach there", "can teach elsewhere");
			s.departmentGaps().forEach(g -> csv.row(g.department(), g.skill(), value(g.learners()), g.teachersHere(),
					g.teachersElsewhere()));
		}
	}

	/**
	 * The fairness audit: the run's figures, then one row per group of each breakdown (the
	 * self-reported ones only while the organisation asks them; groups, never people).
	 */
	public static void fairness(FairnessAudit f, Writer out) {
		try (SafeCsv csv = new SafeCsv(out)) {
			csv.row("programme", f.programme());
			if (f.run() != null) {
				FairnessAudit.RunFigures r = f.run();
				csv.row("run", r.runId(), "objective", r.objective(), "mentees", r.mentees(), "matched", r.matched(), "mean score",
						r.meanScore() == null ? null : Math.round(r.meanScore() * 10) / 10.0, "published", r.published(), "top-3 choice", r.topChoice().part() == null ? "fewer than 5"
								: r.topChoice().part(), "of", r.topChoice().whole(), "share", r.topChoice().value());
			}
			csv.row("top-3 choice counted from", f.topChoiceBasis() == null ? "nothing to count yet"
					: f.topChoiceBasis() == FairnessAudit.ChoiceBasis.RUN ? "the run's ranking of each mentee's eligible mentors by score"
							: "the order of each mentee's requests");
			csv.row();
			csv.row("attribute", "self-reported", "group", "mentees", "matched", "match rate", "match ratio", "mean score", "score ratio",
					"top-3 choice", "top-3 of", "top-3 share", "top-3 low", "top-3 high", "top-3 ratio", "started", "ended early",
					"ended early share", "kept ratio", "flagged under 0.8");
			for (FairnessAudit.Breakdown b : f.breakdowns()) {
				for (FairnessAudit.Group g : b.groups()) {
					csv.row(b.attribute(), b.selfReported(), g.name(), value(g.mentees()), part(g.matched()), g.matched().value(),
							g.matchRatio(), g.meanScore(), g.scoreRatio(), part(g.topChoice()), g.topChoice().whole(),
							g.topChoice().value(), g.topChoice().low(), g.topChoice().high(), g.topChoiceRatio(), value(g.started()),
							part(g.endedEarly()), g.endedEarly().value(), g.keptRatio(), g.flagged());
				}
			}
			if (f.requests() != null) {
				csv.row();
				FairnessAudit.Concentration c = f.requests();
				csv.row("self-select requests", c.requests(), "mentors asked", c.mentorsAsked(), "mentors enrolled", c.mentorsEnrolled(),
						"most asked tenth's share", c.topTenthShare(), "gini", c.gini());
			}
		}
	}

	private static Object part(Rate r) {
		return r.part() == null ? "fewer than 5" : r.part();
	}

	private static void reach(SafeCsv csv, LearningNetwork.Reach r) {
		csv.row(r.group(), value(r.people()), value(r.connected()), share(r.connectedShare()), value(r.isolated()),
				value(r.links()), value(r.crossing()), share(r.crossingShare()));
	}

	private static void count(SafeCsv csv, String table, String row, Count c) {
		csv.row(table, row, value(c), null, null, null, null);
	}

	private static void rate(SafeCsv csv, String table, String row, Rate r) {
		csv.row(table, row, r.part() == null ? "fewer than 5" : r.part(), r.whole(), r.value(), r.low(), r.high());
	}

	private static void outcome(SafeCsv csv, String role, String outcome, String group, Rate r) {
		csv.row(role, outcome, group, r.part() == null ? "fewer than 5" : r.part(), r.whole(), r.value(), r.low(), r.high());
	}

	private static Object value(Count c) {
		return c.value() == null ? "fewer than 5" : c.value();
	}

	private static @Nullable Object share(Rate r) {
		return r.value() == null ? "fewer than 5" : r.value();
	}

	static List<String> names() {
		return List.of("dashboard", "outcomes", "network", "skills");
	}
}
