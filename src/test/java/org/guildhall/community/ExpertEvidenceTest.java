package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.MentoringRole;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.Profile;
import org.guildhall.people.ProfileUpdate;
import org.guildhall.people.SkillCatalog;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The expert finder keeps its evidence per person and skill instead of adding it up per query. These
 * tests check that the kept evidence is always what the posts, votes, kudos, mentorships and profiles
 * say (worked out here independently, from those tables), whatever changes and however many change it at once,
 * that an index rebuild computes it again, and that reading only the best few still gives the exact
 * ranking.
 */
@GuildhallTest
class ExpertEvidenceTest {

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	SkillCatalog skills;

	@Autowired
	QuestionBoard questions;

	@Autowired
	KnowledgeBase articles;

	@Autowired
	Contributions contributions;

	@Autowired
	KudosBoard kudos;

	@Autowired
	ExpertFinder experts;

	@Autowired
	CommunitySearch search;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	JdbcClient jdbc;

	TestOrganisation org;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
	}

	@Test
	void theEvidenceFollowsEveryChangeToPostsVotesKudosAndProfiles() {
		List<Long> people = List.of(org.admin().personId(), org.pm().personId(), org.ann().personId(), org.bo().personId());
		long question = questions.ask(new NewQuestion("Sampling invoices for the audit " + org.run(), "How many?", List.of("Auditing")),
				user(org.pm())).id();
		long annAnswer = questions.answer(question, "Stratify by amount first.", user(org.ann())).id();
		long boAnswer = questions.answer(question, "Thirty per stratum.", user(org.bo())).id();
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("1 answer on Auditing");

		questions.accept(question, annAnswer, user(org.pm()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("1 accepted answer on Auditing");
		// another acceptance takes it from Ann
		questions.accept(question, boAnswer, user(org.pm()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("1 answer on Auditing");
		assertThat(reasonsOf(org.bo(), "Auditing")).containsExactly("1 accepted answer on Auditing");

		contributions.vote(boAnswer, Vote.UP, user(org.ann()));
		contributions.vote(boAnswer, Vote.UP, user(org.pm()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.bo(), "Auditing")).contains("2 up-votes on those answers");
		contributions.vote(boAnswer, null, user(org.pm()));
		contributions.vote(boAnswer, Vote.DOWN, user(org.ann()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.bo(), "Auditing")).containsExactly("1 accepted answer on Auditing");

		kudos.give(new NewKudos(org.ann().personId(), "Tax", "Sorted out my VAT return"), user(org.bo()));
		long article = articles.publish(new NewArticle("Audit sampling that holds up " + org.run(), "Stratify, then sample.",
				List.of("Auditing"), false), user(org.ann())).id();
		contributions.vote(article, Vote.UP, user(org.bo()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("1 answer on Auditing", "wrote 1 article on Auditing (1 up-vote)");
		assertThat(reasonsOf(org.ann(), "Tax")).containsExactly("received 1 kudos for Tax");

		// topics change: the evidence moves with them
		Post asked = contributions.post(question, user(org.pm()));
		contributions.edit(question, new PostEdit(asked.title(), asked.body(), List.of("Tax"), asked.version()), user(org.pm()));
		Post written = contributions.post(article, user(org.ann()));
		contributions.edit(article, new PostEdit(written.title(), written.body(), List.of("Tax", "Auditing"), written.version()),
				user(org.ann()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.bo(), "Auditing")).isEmpty();
		assertThat(reasonsOf(org.bo(), "Tax")).containsExactly("1 accepted answer on Tax");

		// declarations come from the profile
		declare(org.ann(), "Auditing", 4, true);
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("says they know Auditing at 4/5 and can teach it",
				"wrote 1 article on Auditing (1 up-vote)");

		contributions.delete(boAnswer, user(org.bo()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.bo(), "Tax")).isEmpty();
		contributions.delete(article, user(org.ann()));
		contributions.delete(question, user(org.pm()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Tax")).containsExactly("received 1 kudos for Tax");
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("says they know Auditing at 4/5 and can teach it");
	}

	@Test
	void aSuggestedSkillMergedIntoAnotherCountsAsDeclaringIt() {
		long question = questions.ask(new NewQuestion("Year-end cash positioning " + org.run(), "Which bank first?", List.of("Treasury")),
				user(org.pm())).id();
		questions.answer(question, "The one with the sweep account.", user(org.bo()));
		String suggestion = "Cash pooling " + org.run();
		declare(org.bo(), suggestion, 5, false);
		assertThat(reasonsOf(org.bo(), "Treasury")).containsExactly("1 answer on Treasury");
		long suggested = skills.resolve(suggestion).orElseThrow().id();
		skills.merge(suggested, skills.resolve("Treasury").orElseThrow().id());
		assertEvidenceIsCurrent(List.of(org.bo().personId()));
		assertThat(reasonsOf(org.bo(), "Treasury")).containsExactly("says they know Treasury at 5/5", "1 answer on Treasury");
	}

	@Test
	void anIndexRebuildComputesTheEvidenceAgain() {
		List<Long> people = List.of(org.ann().personId(), org.bo().personId());
		long question = questions.ask(new NewQuestion("Tax on stock options " + org.run(), "When is it due?", List.of("Tax")),
				user(org.pm())).id();
		questions.accept(question, questions.answer(question, "At exercise, mostly.", user(org.ann())).id(), user(org.pm()));
		kudos.give(new NewKudos(org.bo().personId(), "Tax", "Explained the withholding"), user(org.ann()));
		// evidence that went wrong behind the finder's back (a restore from an old backup, a hand-made fix)
		jdbc.sql("UPDATE community_expertise SET accepted = 0, points = 1 WHERE person_id = ?").param(org.ann().personId()).update();
		jdbc.sql("DELETE FROM community_expertise WHERE person_id = ?").param(org.bo().personId()).update();
		jdbc.sql("INSERT INTO community_expertise (person_id, skill_id, proficiency, can_teach, accepted, other_answers, answer_votes, "
				+ "articles, article_votes, kudos, points) SELECT ?, id, 0, FALSE, 9, 0, 0, 0, 0, 0, 45 FROM skill WHERE name = 'Auditing'")
			.param(org.admin().personId()).update();
		assertThat(reasonsOf(org.admin(), "Auditing")).containsExactly("9 accepted answers on Auditing");

		search.rebuild(user(org.admin()));
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> search.status().state() == IndexStatus.State.READY);
		assertEvidenceIsCurrent(List.of(org.admin().personId(), org.ann().personId(), org.bo().personId()));
		assertThat(reasonsOf(org.ann(), "Tax")).containsExactly("1 accepted answer on Tax");
		assertThat(reasonsOf(org.bo(), "Tax")).containsExactly("received 1 kudos for Tax");
		assertThat(reasonsOf(org.admin(), "Auditing")).isEmpty();
		assertEvidenceIsCurrent(people);
	}

	@Test
	void manyChangesAtOnceForOnePersonAreAllCounted() throws Exception {
		List<TestOrganisation.Member> crowd = crowd(8, "");
		long question = questions.ask(new NewQuestion("Auditing a shared ledger " + org.run(), "Who signs?", List.of("Auditing")),
				user(org.pm())).id();
		long answer = questions.answer(question, "Both controllers sign.", user(org.ann())).id();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Object>> work = new ArrayList<>();
			for (int i = 0; i < crowd.size(); i++) {
				TestOrganisation.Member member = crowd.get(i);
				work.add(i % 2 == 0 ? () -> contributions.vote(answer, Vote.UP, user(member))
						: () -> kudos.give(new NewKudos(org.ann().personId(), "Auditing", "Thanks for the ledger review"), user(member)));
			}
			// and an answer of Ann's accepted meanwhile
			work.add(() -> questions.accept(question, answer, user(org.pm())));
			for (Future<Object> done : pool.invokeAll(work)) {
				done.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertEvidenceIsCurrent(List.of(org.ann().personId()));
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("1 accepted answer on Auditing", "4 up-votes on those answers",
				"received 4 kudos for Auditing");
	}

	@Test
	void theBestFewAreTheStartOfTheLongerList() {
		// more people with evidence on the skill (answers, kudos, mentoring), and declaring it, than the finder
		// reads for a short list; some of the best are inactive, so that it has to read further
		List<TestOrganisation.Member> crowd = crowd(40, "Auditing");
		Random random = new Random(42);
		for (int q = 0; q < 12; q++) {
			TestOrganisation.Member asker = crowd.get(random.nextInt(crowd.size()));
			long question = questions.ask(new NewQuestion("Audit question " + q + " " + org.run(), "Details inside.", List.of("Auditing")),
					user(asker)).id();
			List<Long> answers = new ArrayList<>();
			for (int a = 0; a < 3; a++) {
				TestOrganisation.Member author = crowd.get(random.nextInt(crowd.size()));
				if (author != asker) {
					answers.add(questions.answer(question, "An answer " + a + ".", user(author)).id());
				}
			}
			if (!answers.isEmpty() && random.nextBoolean()) {
				questions.accept(question, answers.get(random.nextInt(answers.size())), user(asker));
			}
		}
		for (int k = 0; k < 15; k++) {
			TestOrganisation.Member giver = crowd.get(random.nextInt(crowd.size()));
			TestOrganisation.Member receiver = crowd.get(random.nextInt(crowd.size()));
			if (giver != receiver) {
				kudos.give(new NewKudos(receiver.personId(), "Auditing", "Thanks for the audit help"), user(giver));
			}
		}
		// and mentoring given: three mentors who declare Auditing, with two mentees each who want to learn it
		for (int m = 0; m < 3; m++) {
			List<TestOrganisation.Member> mentees = crowd.subList(20 + 2 * m, 22 + 2 * m);
			mentees.forEach(mentee -> wantToLearn(mentee, "Auditing"));
			long programme = programme(crowd.get(m), mentees);
			for (TestOrganisation.Member mentee : mentees) {
				mentorships.accept(mentorships.request(programme, crowd.get(m).personId(), user(mentee), null).id(), user(crowd.get(m)));
			}
		}
		List<Long> best = experts.whoKnows("Auditing", 50).stream().map(e -> e.person().id()).limit(6).toList();
		jdbc.sql("UPDATE person SET active = FALSE WHERE id IN (:ids)").param("ids", best).update();
		for (TestOrganisation.Member member : crowd) {
			assertEvidenceIsCurrent(List.of(member.personId()));
		}

		// the index follows the posts in the background: compare once two full lists agree
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<Expert> full = experts.whoKnows("Auditing", 50);
			assertThat(full).extracting(e -> e.person().id()).doesNotContainAnyElementsOf(best);
			assertThat(full).flatExtracting(Expert::reasons).contains("mentored 2 people who wanted to learn Auditing");
			for (int limit = 1; limit <= 15; limit++) {
				assertThat(experts.whoKnows("Auditing", limit)).as("the best %d", limit)
					.usingRecursiveFieldByFieldElementComparator().isEqualTo(full.subList(0, Math.min(limit, full.size())));
			}
			assertThat(experts.whoKnows("Auditing", 50)).usingRecursiveFieldByFieldElementComparator().isEqualTo(full);
		});
	}

	@Test
	void mentoringGivenCountsForTheSkillsItsMenteesWantToLearn() {
		// Bo reports to Ann, so cannot be her mentee
		List<TestOrganisation.Member> crowd = crowd(5, "");
		TestOrganisation.Member gus = crowd.get(4);
		TestOrganisation.Member cy = crowd.get(0);
		TestOrganisation.Member di = crowd.get(1);
		TestOrganisation.Member ed = crowd.get(2);
		TestOrganisation.Member flo = crowd.get(3);
		List<Long> people = List.of(org.ann().personId(), gus.personId(), cy.personId(), di.personId(), ed.personId(),
				flo.personId());
		declare(org.ann(), "Auditing", 4, true);
		declare(flo, "Auditing", 5, true);
		wantToLearn(gus, "Auditing");
		wantToLearn(cy, "Auditing");
		wantToLearn(di, "Tax");
		wantToLearn(ed, "Auditing");
		long programme = programme(org.ann(), List.of(gus, cy, di, ed));
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("says they know Auditing at 4/5 and can teach it");
		assertThat(ranking("Auditing")).containsSubsequence(flo.personId(), org.ann().personId());

		// a request is not mentoring yet; an accepted one is
		Mentorship gusPair = mentorships.request(programme, org.ann().personId(), user(gus), "Teach me auditing?");
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("says they know Auditing at 4/5 and can teach it");
		mentorships.accept(gusPair.id(), user(org.ann()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("says they know Auditing at 4/5 and can teach it",
				"mentored 1 person who wanted to learn Auditing");

		// Di wants to learn Tax, which Ann does not declare: no evidence on either skill, until Di wants Auditing too
		Mentorship cyPair = mentorships.accept(mentorships.request(programme, org.ann().personId(), user(cy), null).id(), user(org.ann()));
		mentorships.accept(mentorships.request(programme, org.ann().personId(), user(di), null).id(), user(org.ann()));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("says they know Auditing at 4/5 and can teach it",
				"mentored 2 people who wanted to learn Auditing");
		assertThat(reasonsOf(org.ann(), "Tax")).isEmpty();
		wantToLearn(di, "Auditing");
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("says they know Auditing at 4/5 and can teach it",
				"mentored 3 people who wanted to learn Auditing");
		// 10 for the declaration and 4 per mentee: ahead of Flo, who only declares it at 5/5 (12)
		assertThat(ranking("Auditing")).containsSubsequence(org.ann().personId(), flo.personId());

		// completed still counts; ended early does not
		mentorships.complete(gusPair.id(), user(gus));
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).contains("mentored 3 people who wanted to learn Auditing");
		mentorships.endEarly(cyPair.id(), user(cy), "Changed teams");
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).contains("mentored 2 people who wanted to learn Auditing");

		// Ann's own declaration is what makes it evidence on the skill
		declare(org.ann(), "Tax", 3, false);
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Tax")).containsExactly("says they know Tax at 3/5", "mentored 1 person who wanted to learn Tax");
		forget(org.ann(), "Auditing");
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).isEmpty();

		// and a rebuild computes the same
		declare(org.ann(), "Auditing", 4, true);
		jdbc.sql("DELETE FROM community_expertise WHERE person_id = ?").param(org.ann().personId()).update();
		search.rebuild(user(org.admin()));
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> search.status().state() == IndexStatus.State.READY);
		assertEvidenceIsCurrent(people);
		assertThat(reasonsOf(org.ann(), "Auditing")).containsExactly("says they know Auditing at 4/5 and can teach it",
				"mentored 2 people who wanted to learn Auditing");
	}

	@Test
	void mentorshipsStartingWhileTheirMenteesChangeWhatTheyWantAreAllCounted() throws Exception {
		List<TestOrganisation.Member> mentees = crowd(6, "");
		declare(org.ann(), "Tax", 5, true);
		long programme = programme(org.ann(), mentees);
		List<Long> requests = new ArrayList<>();
		for (TestOrganisation.Member mentee : mentees) {
			requests.add(mentorships.request(programme, org.ann().personId(), user(mentee), null).id());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			// the acceptances are handed out first, so that some of the mentees' changes land after the last of them
			List<Callable<Object>> work = new ArrayList<>();
			for (long request : requests) {
				work.add(() -> mentorships.accept(request, user(org.ann())));
			}
			for (TestOrganisation.Member mentee : mentees) {
				work.add(() -> {
					wantToLearn(mentee, "Tax");
					return null;
				});
			}
			for (Future<Object> done : pool.invokeAll(work)) {
				done.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertEvidenceIsCurrent(List.of(org.ann().personId()));
		assertThat(reasonsOf(org.ann(), "Tax")).containsExactly("says they know Tax at 5/5 and can teach it",
				"mentored 6 people who wanted to learn Tax");
	}

	@Test
	void aMenteesSuggestedSkillMergedIntoTheOneTheirMentorTeachesCounts() {
		List<TestOrganisation.Member> crowd = crowd(1, "");
		TestOrganisation.Member cy = crowd.get(0);
		String suggestion = "Transfer pricing " + org.run();
		declare(org.ann(), "Tax", 4, false);
		wantToLearn(cy, suggestion);
		long programme = programme(org.ann(), List.of(cy));
		mentorships.accept(mentorships.request(programme, org.ann().personId(), user(cy), null).id(), user(org.ann()));
		assertThat(reasonsOf(org.ann(), "Tax")).containsExactly("says they know Tax at 4/5");
		skills.merge(skills.resolve(suggestion).orElseThrow().id(), skills.resolve("Tax").orElseThrow().id());
		assertEvidenceIsCurrent(List.of(org.ann().personId(), cy.personId()));
		assertThat(reasonsOf(org.ann(), "Tax")).containsExactly("says they know Tax at 4/5", "mentored 1 person who wanted to learn Tax");
	}

	/** A running self-select programme in which the mentor has a place for each of the mentees, all enrolled. */
	long programme(TestOrganisation.Member mentor, List<TestOrganisation.Member> mentees) {
		CurrentUser manager = new CurrentUser(org.pm().accountId(), org.pm().email(), "x", org.pm().personId(),
				Set.of(CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE));
		Programme programme = programmes.create(new ProgrammeSettings("Mentoring " + UUID.randomUUID(), "Grow",
				ProgrammeFormat.ONE_TO_ONE, null, null, 12, 2, MatchingMode.SELF_SELECT, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3"), List.of(), false), manager);
		programmes.advance(programme.id(), "open-enrolment", manager);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, mentees.size(), List.of()), user(mentor));
		for (TestOrganisation.Member mentee : mentees) {
			programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Learn", 0, List.of()), user(mentee));
		}
		programmes.advance(programme.id(), "close-enrolment", manager);
		programmes.advance(programme.id(), "start", manager);
		return programme.id();
	}

	/** The people the finder lists for the skill, best first. */
	List<Long> ranking(String skill) {
		return experts.whoKnows(skill, 50).stream().map(e -> e.person().id()).toList();
	}

	/**
	 * More employees for the organisation (an HR import is the whole organisation, so its four stay),
	 * each declaring the skill at a level picked by a seeded random, except every fourth.
	 */
	List<TestOrganisation.Member> crowd(int size, String skill) {
		Random random = new Random(7);
		StringBuilder csv = new StringBuilder("""
				employee_id,email,full_name,title,department,location,manager,skills,mentoring,mentoring_capacity
				ADM-%1$s,admin-%1$s@example.com,Ada Admin,Head of People,People,Berlin,,,NONE,0
				PM-%1$s,pm-%1$s@example.com,Pat Manager,Programme Manager,People,Berlin,ADM-%1$s,,NONE,0
				ANN-%1$s,ann-%1$s@example.com,Ann Okafor,Engineering Lead,Engineering,Lisbon,ADM-%1$s,Java:5:teach,MENTOR,2
				BO-%1$s,bo-%1$s@example.com,Bo Ek,Engineer,Engineering,Lisbon,ANN-%1$s,JS:2:learn,MENTEE,0
				""".formatted(org.run()));
		String run = org.run() + UUID.randomUUID().toString().substring(0, 4);
		for (int i = 0; i < size; i++) {
			String declared = skill.isEmpty() || i % 4 == 3 ? ""
					: skill + ":" + (1 + random.nextInt(5)) + (random.nextBoolean() ? ":teach" : "");
			csv.append("C%d-%s,crowd%d-%s@example.com,Crowd Member %d,Analyst,Finance,Lisbon,,%s,NONE,0\n".formatted(i, run, i, run, i,
					declared));
		}
		HrImportStatus preview = imports.uploadAndPreview("crowd.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		return IntStream.range(0, size).mapToObj(i -> {
			String email = "crowd%d-%s@example.com".formatted(i, run);
			long personId = directory.findIdByEmail(email).orElseThrow();
			return new TestOrganisation.Member(email, personId, 0);
		}).toList();
	}

	void declare(TestOrganisation.Member member, String skill, int proficiency, boolean canTeach) {
		changeSkill(member, skill, new ProfileUpdate.SkillChoice(skill, proficiency, canTeach, false));
	}

	/** The person wants to learn the skill (knowing it at 1/5). */
	void wantToLearn(TestOrganisation.Member member, String skill) {
		changeSkill(member, skill, new ProfileUpdate.SkillChoice(skill, 1, false, true));
	}

	void forget(TestOrganisation.Member member, String skill) {
		changeSkill(member, skill, null);
	}

	/** Replaces the skill on the person's profile (removes it when {@code choice} is null), through the directory. */
	void changeSkill(TestOrganisation.Member member, String skill, ProfileUpdate.@org.jspecify.annotations.Nullable SkillChoice choice) {
		CurrentUser self = user(member);
		Profile profile = directory.profile(member.personId(), self);
		List<ProfileUpdate.SkillChoice> choices = new ArrayList<>(profile.skills().stream()
			.filter(s -> !s.name().equalsIgnoreCase(skill))
			.map(s -> new ProfileUpdate.SkillChoice(s.name(), s.proficiency(), s.canTeach(), s.wantsToLearn())).toList());
		if (choice != null) {
			choices.add(choice);
		}
		directory.updateProfile(member.personId(), new ProfileUpdate(profile.bio(), profile.timeZone(), profile.languages(), choices,
				profile.goals(), profile.mentoringRole() == null ? MentoringRole.NONE : profile.mentoringRole(),
				profile.mentoringCapacity(), profile.version()), self);
	}

	/** What the finder says about the person for the skill, besides words and meaning (which the index follows in the background). */
	List<String> reasonsOf(TestOrganisation.Member member, String skill) {
		return experts.whoKnows(skill, 50).stream().filter(e -> e.person().id() == member.personId()).findFirst()
			.map(e -> e.reasons().stream()
				.filter(r -> !r.contains("matching '") && !r.startsWith("profile mentions") && !r.contains("close in meaning")).toList())
			.orElse(List.of());
	}

	/**
	 * The stored evidence of these people is exactly what the posts, votes, kudos, mentorships and
	 * declarations give, worked out here from those tables without the store's SQL.
	 */
	void assertEvidenceIsCurrent(List<Long> people) {
		Map<String, long[]> expected = new TreeMap<>();
		// answers to live questions, per topic of the question: accepted, other, up-votes
		jdbc.sql("""
				SELECT a.author_id, t.skill_id, a.id, a.score, q.accepted_answer_id FROM community_post a
				JOIN community_post q ON q.id = a.question_id JOIN community_post_topic t ON t.post_id = q.id
				WHERE a.deleted_at IS NULL AND q.deleted_at IS NULL AND a.author_id IN (:people)""")
			.param("people", people).query(rs -> {
				long[] row = expected.computeIfAbsent(rs.getLong(1) + "/" + rs.getLong(2), k -> new long[9]);
				boolean accepted = rs.getLong(3) == rs.getLong(5);
				row[accepted ? 2 : 3]++;
				row[4] += Math.max(0, rs.getInt(4));
			});
		jdbc.sql("""
				SELECT p.author_id, t.skill_id, p.score FROM community_post p JOIN community_post_topic t ON t.post_id = p.id
				WHERE p.kind = 'ARTICLE' AND p.deleted_at IS NULL AND p.author_id IN (:people)""")
			.param("people", people).query(rs -> {
				long[] row = expected.computeIfAbsent(rs.getLong(1) + "/" + rs.getLong(2), k -> new long[9]);
				row[5]++;
				row[6] += Math.max(0, rs.getInt(3));
			});
		jdbc.sql("SELECT receiver_id, skill_id FROM community_kudos WHERE receiver_id IN (:people)").param("people", people)
			.query(rs -> {
				expected.computeIfAbsent(rs.getLong(1) + "/" + rs.getLong(2), k -> new long[9])[7]++;
			});
		// mentoring given: different mentees of active or completed mentorships who want to learn a skill the mentor declares
		Map<Long, Set<Long>> menteesOf = new TreeMap<>();
		jdbc.sql("SELECT mentor_id, mentee_id, status FROM mentorship WHERE mentor_id IN (:people)").param("people", people)
			.query(rs -> {
				if (Set.of("ACTIVE", "COMPLETED").contains(rs.getString(3))) {
					menteesOf.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>()).add(rs.getLong(2));
				}
			});
		Map<Long, Map<Long, Boolean>> skillsOf = new TreeMap<>();
		List<Long> involved = new ArrayList<>(menteesOf.keySet());
		menteesOf.values().forEach(involved::addAll);
		if (!involved.isEmpty()) {
			jdbc.sql("SELECT person_id, skill_id, wants_to_learn FROM person_skill WHERE person_id IN (:people)").param("people", involved)
				.query(rs -> {
					skillsOf.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getLong(2), rs.getBoolean(3));
				});
		}
		menteesOf.forEach((mentor, mentees) -> skillsOf.getOrDefault(mentor, Map.of()).keySet().forEach(skill -> {
			long wanting = mentees.stream().filter(m -> skillsOf.getOrDefault(m, Map.of()).getOrDefault(skill, false)).count();
			if (wanting > 0) {
				expected.computeIfAbsent(mentor + "/" + skill, k -> new long[9])[8] = wanting;
			}
		}));
		jdbc.sql("SELECT person_id, skill_id, proficiency, can_teach FROM person_skill WHERE person_id IN (:people)")
			.param("people", people).query(rs -> {
				long[] row = expected.get(rs.getLong(1) + "/" + rs.getLong(2));
				if (row != null) {
					row[0] = rs.getInt(3);
					row[1] = rs.getBoolean(4) ? 1 : 0;
				}
			});
		Map<String, String> want = new TreeMap<>();
		expected.forEach((key, r) -> {
			double points = (r[0] > 0 ? 2 * r[0] + 2 * r[1] : 0) + 5 * Math.min(r[2], 10) + Math.min(r[3], 10) + Math.min(r[4], 20)
					+ 4 * Math.min(r[5], 5) + 0.5 * Math.min(r[6], 20) + 3 * Math.min(r[7], 10) + 4 * Math.min(r[8], 5);
			want.put(key, java.util.Arrays.toString(r) + " " + points);
		});
		Map<String, String> stored = new TreeMap<>();
		jdbc.sql("""
				SELECT person_id, skill_id, proficiency, can_teach, accepted, other_answers, answer_votes, articles, article_votes, kudos,
				       mentees, points
				FROM community_expertise WHERE person_id IN (:people)""")
			.param("people", people).query(rs -> {
				long[] r = {rs.getInt(3), rs.getBoolean(4) ? 1 : 0, rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
						rs.getInt(10), rs.getInt(11)};
				stored.put(rs.getLong(1) + "/" + rs.getLong(2), java.util.Arrays.toString(r) + " " + rs.getDouble(12));
			});
		assertThat(stored).isEqualTo(want);
	}

	static CurrentUser user(TestOrganisation.Member member) {
		return new CurrentUser(member.accountId(), member.email(), "x", member.personId(),
				member.email().startsWith("admin-") ? Set.of("ADMIN", "EMPLOYEE") : Set.of("EMPLOYEE"));
	}
}
