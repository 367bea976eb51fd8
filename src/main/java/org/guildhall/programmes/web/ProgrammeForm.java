package org.guildhall.programmes.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.matching.engine.Criterion;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeSettings;
import org.springframework.format.annotation.DateTimeFormat;

/** The programme design form as the browser sends it; questions one per line. */
public class ProgrammeForm {

	private String name = "";
	private String purpose = "";
	private ProgrammeFormat format = ProgrammeFormat.ONE_TO_ONE;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate enrolmentOpens;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate enrolmentCloses;
	private int durationWeeks = 12;
	private int defaultCapacity = 2;
	private MatchingMode matchingMode = MatchingMode.BULK;
	private ProgrammeSettings.ObjectiveChoice objective = ProgrammeSettings.ObjectiveChoice.OPTIMAL;
	private Map<String, String> weights = defaults();
	private String questions = "";
	private boolean approvalRequired;
	private long version;

	static Map<String, String> defaults() {
		Map<String, String> weights = new LinkedHashMap<>();
		weights.put(Criterion.SKILLS.key(), "3");
		weights.put(Criterion.GOALS.key(), "3");
		weights.put(Criterion.SENIORITY.key(), "1");
		weights.put(Criterion.CROSS_DEPARTMENT.key(), "1");
		weights.put(Criterion.LANGUAGE.key(), "1");
		weights.put(Criterion.TIME_ZONE.key(), "1");
		weights.put(Criterion.PREFERENCES.key(), "2");
		return weights;
	}

	static ProgrammeForm of(Programme programme) {
		ProgrammeForm form = new ProgrammeForm();
		form.name = programme.name();
		form.purpose = programme.purpose() == null ? "" : programme.purpose();
		form.format = programme.format();
		form.enrolmentOpens = programme.enrolmentOpens();
		form.enrolmentCloses = programme.enrolmentCloses();
		form.durationWeeks = programme.durationWeeks();
		form.defaultCapacity = programme.defaultCapacity();
		form.matchingMode = programme.matchingMode();
		form.objective = programme.objective();
		form.weights = new LinkedHashMap<>(defaults());
		form.weights.replaceAll((k, v) -> programme.weights().getOrDefault(k, "0"));
		form.questions = String.join("\n", programme.questions());
		form.approvalRequired = programme.approvalRequired();
		form.version = programme.version();
		return form;
	}

	ProgrammeSettings toSettings() {
		List<String> questionList = Arrays.stream(questions.split("\\R")).map(String::strip).filter(q -> !q.isEmpty()).toList();
		Map<String, String> chosen = new LinkedHashMap<>();
		weights.forEach((k, v) -> {
			if (v != null && !v.isBlank() && !v.strip().equals("0")) {
				chosen.put(k, v.strip());
			}
		});
		return new ProgrammeSettings(name, purpose, format, enrolmentOpens, enrolmentCloses, durationWeeks, defaultCapacity,
				matchingMode, objective, chosen, questionList, approvalRequired);
	}

	public String getName() { return name; }
	public void setName(String name) { this.name = name == null ? "" : name; }
	public String getPurpose() { return purpose; }
	public void setPurpose(String purpose) { this.purpose = purpose == null ? "" : purpose; }
	public ProgrammeFormat getFormat() { return format; }
	public void setFormat(ProgrammeFormat format) { this.format = format; }
	public LocalDate getEnrolmentOpens() { return enrolmentOpens; }
	public void setEnrolmentOpens(LocalDate enrolmentOpens) { this.enrolmentOpens = enrolmentOpens; }
	public LocalDate getEnrolmentCloses() { return enrolmentCloses; }
	public void setEnrolmentCloses(LocalDate enrolmentCloses) { this.enrolmentCloses = enrolmentCloses; }
	public int getDurationWeeks() { return durationWeeks; }
	public void setDurationWeeks(int durationWeeks) { this.durationWeeks = durationWeeks; }
	public int getDefaultCapacity() { return defaultCapacity; }
	public void setDefaultCapacity(int defaultCapacity) { this.defaultCapacity = defaultCapacity; }
	public MatchingMode getMatchingMode() { return matchingMode; }
	public void setMatchingMode(MatchingMode matchingMode) { this.matchingMode = matchingMode; }
	public ProgrammeSettings.ObjectiveChoice getObjective() { return objective; }
	public void setObjective(ProgrammeSettings.ObjectiveChoice objective) { this.objective = objective; }
	public Map<String, String> getWeights() { return weights; }

	/** A weight's criterion as people read it, for its label (the key itself for one this version does not know). */
	public String criterion(String key) {
		Criterion criterion = Criterion.fromKey(key);
		return criterion == null ? key : criterion.label();
	}

	/** What a weight's criterion rewards, under its label. */
	public String rewards(String key) {
		Criterion criterion = Criterion.fromKey(key);
		return criterion == null ? "" : criterion.description();
	}
	public void setWeights(Map<String, String> weights) { this.weights = weights == null ? defaults() : weights; }
	public String getQuestions() { return questions; }
	public void setQuestions(String questions) { this.questions = questions == null ? "" : questions; }
	public boolean isApprovalRequired() { return approvalRequired; }
	public void setApprovalRequired(boolean approvalRequired) { this.approvalRequired = approvalRequired; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
}
