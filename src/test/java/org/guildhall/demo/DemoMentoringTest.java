package org.guildhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.guildhall.community.ExpertFinder;
import org.guildhall.identity.Account;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.Role;
import org.guildhall.mentorships.MentorshipDetail;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.mentorships.MentorshipStatus;
import org.guildhall.mentorships.MentorshipSummary;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** First start with the demo on: a running programme whose pairs are in every state, the demo pair active with content. */
@SpringBootTest(properties = {"guildhall.demo.enabled=true", "guildhall.demo.people=400",
		"spring.datasource.url=jdbc:h2:mem:demo-mentoring;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class DemoMentoringTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoOrganisation demo;

	@Autowired
	DemoMentoring mentoring;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	ExpertFinder experts;

	@Test
	void theDemoHasARunningProgrammeWithPairsInEveryStateAndTheDemoPairIsActive() throws Exception {
		long programmeId = jdbc.sql("SELECT id FROM programme WHERE name = ? AND status = 'RUNNING'").param(DemoMentoring.NAME)
			.query(Long.class).single();
		CurrentUser manager = user(demo.organisation().manager().email());
		MentorshipManagement.ProgrammeHealth health = mentorships.programmeHealth(programmeId, manager, new PageRequest(0, 100), false);
		Map<MentorshipStatus, Long> byStatus = health.byStatus();
		assertThat(health.page().total()).isGreaterThanOrEqualTo(20);
		assertThat(byStatus.get(MentorshipStatus.ACTIVE)).isGreaterThanOrEqualTo(10);
		assertThat(byStatus.get(MentorshipStatus.INVITED)).isPositive();
		assertThat(byStatus.get(MentorshipStatus.COMPLETED)).isEqualTo(1);
		assertThat(byStatus.get(MentorshipStatus.ENDED_EARLY)).isEqualTo(1);
		assertThat(byStatus.get(MentorshipStatus.DECLINED)).isEqualTo(1);
		assertThat(byStatus.get(MentorshipStatus.REQUESTED)).isEqualTo(1);
		assertThat(health.quiet()).isPositive();

		CurrentUser mentee = user(demo.organisation().mentee().email());
		MentorshipSummary mine = mentorships.mine(mentee).stream().filter(s -> s.programmeId() == programmeId).findFirst().orElseThrow();
		assertThat(mine.status()).isEqualTo(MentorshipStatus.ACTIVE);
		MentorshipDetail detail = mentorships.detail(mine.id(), mentee);
		assertThat(detail.mentorship().mentor().email()).isEqualTo(demo.organisation().mentor().email());
		assertThat(detail.goals()).hasSize(2);
		assertThat(detail.meetings()).anyMatch(m -> m.past() && m.sharedNotes() != null && m.checkIn().revealed())
			.anyMatch(m -> !m.past());
		assertThat(detail.mentorship().agreement().agreed()).isTrue();

		// the mentors' mentoring is evidence for the expert finder, on skills their mentees want to learn
		Map<String, Object> given = jdbc.sql("""
				SELECT e.person_id, s.name, e.mentees FROM community_expertise e JOIN skill s ON s.id = e.skill_id
				JOIN person p ON p.id = e.person_id WHERE e.mentees > 0 AND p.active = TRUE
				ORDER BY e.points DESC, e.person_id LIMIT 1""").query().singleRow();
		String skill = (String) given.get("name");
		assertThat(experts.whoKnows(skill, 50)).filteredOn(e -> e.person().id() == ((Number) given.get("person_id")).longValue())
			.singleElement().satisfies(e -> assertThat(e.reasons()).contains("mentored " + given.get("mentees")
					+ (((Number) given.get("mentees")).intValue() == 1 ? " person" : " people") + " who wanted to learn " + skill));

		long programmes = jdbc.sql("SELECT COUNT(*) FROM programme").query(Long.class).single();
		mentoring.run(new DefaultApplicationArguments());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM programme").query(Long.class).single()).as("a second start adds nothing").isEqualTo(programmes);
	}

	private CurrentUser user(String email) {
		Account account = identity.accountOf(email).orElseThrow();
		return new CurrentUser(account.id(), account.email(), account.displayName(), account.personId(),
				account.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet()));
	}
}
