package org.guildhall.people.web;

import java.util.ArrayList;
import java.util.List;

import org.guildhall.people.MentoringRole;
import org.guildhall.people.Profile;
import org.guildhall.people.ProfileUpdate;
import org.guildhall.people.SkillEntry;

/**
 * The profile edit form as the browser sends it: fixed rows of skills and goals, blank rows ignored.
 * Converted to a {@link ProfileUpdate}, which carries the validation rules.
 */
public class ProfileForm {

	static final int EXTRA_SKILL_ROWS = 5;
	static final int EXTRA_GOAL_ROWS = 2;

	private String bio = "";
	private String timeZone = "UTC";
	private String languages = "";
	private List<SkillRow> skills = new ArrayList<>();
	private List<String> goals = new ArrayList<>();
	private MentoringRole mentoringRole = MentoringRole.NONE;
	private int mentoringCapacity;
	private long version;

	public static class SkillRow {
		private String skill = "";
		private int proficiency = 3;
		private boolean canTeach;
		private boolean wantsToLearn;

		public SkillRow() {
		}

		SkillRow(String skill, int proficiency, boolean canTeach, boolean wantsToLearn) {
			this.skill = skill;
			this.proficiency = proficiency;
			this.canTeach = canTeach;
			this.wantsToLearn = wantsToLearn;
		}

		public String getSkill() { return skill; }
		public void setSkill(String skill) { this.skill = skill == null ? "" : skill; }
		public int getProficiency() { return proficiency; }
		public void setProficiency(int proficiency) { this.proficiency = proficiency; }
		public boolean isCanTeach() { return canTeach; }
		public void setCanTeach(boolean canTeach) { this.canTeach = canTeach; }
		public boolean isWantsToLearn() { return wantsToLearn; }
		public void setWantsToLearn(boolean wantsToLearn) { this.wantsToLearn = wantsToLearn; }
	}

	static ProfileForm of(Profile profile) {
		ProfileForm form = new ProfileForm();
		form.bio = profile.bio() == null ? "" : profile.bio();
		form.timeZone = profile.timeZone();
		form.languages = String.join(", ", profile.languages());
		for (SkillEntry skill : profile.skills()) {
			form.skills.add(new SkillRow(skill.name(), skill.proficiency(), skill.canTeach(), skill.wantsToLearn()));
		}
		form.goals.addAll(profile.goals());
		form.mentoringRole = profile.mentoringRole();
		form.mentoringCapacity = profile.mentoringCapacity();
		form.version = profile.version();
		return form.withBlankRows();
	}

	ProfileForm withBlankRows() {
		skills.removeIf(row -> row.skill.isBlank());
		goals.removeIf(goal -> goal == null || goal.isBlank());
		for (int i = 0; i < EXTRA_SKILL_ROWS; i++) {
			skills.add(new SkillRow());
		}
		for (int i = 0; i < EXTRA_GOAL_ROWS; i++) {
			goals.add("");
		}
		return this;
	}

	ProfileUpdate toUpdate() {
		List<ProfileUpdate.SkillChoice> chosen = skills.stream().filter(row -> !row.skill.isBlank())
			.map(row -> new ProfileUpdate.SkillChoice(row.skill, row.proficiency, row.canTeach, row.wantsToLearn))
			.toList();
		List<String> languageList = java.util.Arrays.stream(languages.split("[,;]")).map(String::strip)
			.filter(s -> !s.isEmpty()).toList();
		List<String> goalList = goals.stream().filter(g -> g != null && !g.isBlank()).map(String::strip).toList();
		return new ProfileUpdate(bio, timeZone, languageList, chosen, goalList, mentoringRole, mentoringCapacity, version);
	}

	public String getBio() { return bio; }
	public void setBio(String bio) { this.bio = bio == null ? "" : bio; }
	public String getTimeZone() { return timeZone; }
	public void setTimeZone(String timeZone) { this.timeZone = timeZone == null ? "" : timeZone; }
	public String getLanguages() { return languages; }
	public void setLanguages(String languages) { this.languages = languages == null ? "" : languages; }
	public List<SkillRow> getSkills() { return skills; }
	public void setSkills(List<SkillRow> skills) { this.skills = skills == null ? new ArrayList<>() : skills; }
	public List<String> getGoals() { return goals; }
	public void setGoals(List<String> goals) { this.goals = goals == null ? new ArrayList<>() : goals; }
	public MentoringRole getMentoringRole() { return mentoringRole; }
	public void setMentoringRole(MentoringRole mentoringRole) { this.mentoringRole = mentoringRole == null ? MentoringRole.NONE : mentoringRole; }
	public int getMentoringCapacity() { return mentoringCapacity; }
	public void setMentoringCapacity(int mentoringCapacity) { this.mentoringCapacity = mentoringCapacity; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
}
