package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.MentoringRole;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.Profile;
import org.guildhall.people.ProfileUpdate;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Why someone is an expert is said in words a reader takes in: never a whole question title quoted back. */
@GuildhallTest
class ExpertReasonsTest {

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	ExpertFinder experts;

	@Test
	void aLongQuestionIsNotQuotedBackTheProfileReasonNamesTheWordsItMatches() {
		TestOrganisation org = TestOrganisation.create(imports, identity, directory);
		String word = "Zanzibarflux" + org.run().replaceAll("[0-9]", "");
		CurrentUser ann = new CurrentUser(org.ann().accountId(), org.ann().email(), org.ann().email(), org.ann().personId(),
				Set.of(CurrentUser.EMPLOYEE));
		Profile profile = directory.profile(org.ann().personId(), ann);
		directory.updateProfile(org.ann().personId(), new ProfileUpdate("I keep our " + word + " pipelines running.", profile.timeZone(),
				profile.languages(), profile.skills().stream()
					.map(s -> new ProfileUpdate.SkillChoice(s.name(), s.proficiency(), s.canTeach(), s.wantsToLearn())).toList(),
				profile.goals(), MentoringRole.MENTOR, profile.mentoringCapacity(), profile.version()), ann);

		String title = "How do we roll back a broken " + word + " release without taking the whole site down?";
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reasons(title, org)).isNotEmpty());
		List<String> reasons = reasons(title, org);
		assertThat(reasons).noneMatch(r -> r.contains(title)).noneMatch(r -> r.contains("without taking the whole site"));
		assertThat(reasons).contains("profile mentions '" + word + "'");

		// a few words typed in the finder are still quoted as typed
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reasons(word, org))
			.contains("profile mentions '" + word + "'"));
	}

	private List<String> reasons(String text, TestOrganisation org) {
		return experts.find(text, 20).experts().stream().filter(e -> e.person().id() == org.ann().personId()).findFirst()
			.map(Expert::reasons).orElse(List.of());
	}
}
