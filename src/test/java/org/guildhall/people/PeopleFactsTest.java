package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.guildhall.people.HrImportStatus.State;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@GuildhallTest
class PeopleFactsTest {

	@Autowired
	HrImports imports;

	@Autowired
	PeopleFacts facts;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private void importNow(String... rows) {
		StringBuilder csv = new StringBuilder("employee_id,email,full_name,department,location,level,manager,hire_date,leaving_date,skills\n");
		for (String row : rows) {
			csv.append(row.replace("{r}", run)).append('\n');
		}
		HrImportStatus preview = imports.uploadAndPreview("people.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(State.PREVIEWED);
		assertThat(imports.applyNow(preview.id()).state()).isEqualTo(State.APPLIED);
	}

	private long id(String name) {
		return directory.findIdByEmail(name + "-" + run + "@example.com").orElseThrow();
	}

	@Test
	void everyPersonAndEverySkillComeOutIncludingThoseOfPeopleWhoLeft() {
		importNow("A{r},ida-{r}@example.com,Ida Lund,Engineering,Oslo,6,,2019-03-01,2027-03-31,Java:5:teach; JS:2:learn",
				"B{r},leo-{r}@example.com,Leo Falk,Sales,,,A{r},,,Negotiation:3");
		// Leo is not in the next export: he has left, but his facts and skills are still there to read
		importNow("A{r},ida-{r}@example.com,Ida Lund,Engineering,Oslo,6,,2019-03-01,2027-03-31,Java:5:teach; JS:2:learn");
		long ida = id("ida");
		long leo = id("leo");

		List<PersonFact> everyone = new ArrayList<>();
		facts.forEachPerson(everyone::add);
		assertThat(everyone).hasSize(jdbc.sql("SELECT COUNT(*) FROM person").query(Integer.class).single());
		assertThat(everyone).extracting(PersonFact::id).isSorted().doesNotHaveDuplicates();
		assertThat(everyone).contains(new PersonFact(ida, "Ida Lund", "Engineering", "Oslo", 6, LocalDate.of(2019, 3, 1),
				LocalDate.of(2027, 3, 31), null, true), new PersonFact(leo, "Leo Falk", "Sales", null, null, null, null, ida, false));

		List<SkillHolding> skills = new ArrayList<>();
		facts.forEachSkill(skills::add);
		assertThat(skills).hasSize(jdbc.sql("SELECT COUNT(*) FROM person_skill").query(Integer.class).single());
		assertThat(skills).extracting(s -> List.of(s.personId(), s.skillId())).doesNotHaveDuplicates();
		assertThat(skills).filteredOn(s -> s.personId() == ida)
			.extracting(SkillHolding::skillName, SkillHolding::proficiency, SkillHolding::canTeach, SkillHolding::wantsToLearn)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Java", 5, true, false),
					org.assertj.core.groups.Tuple.tuple("JavaScript", 2, false, true));
		assertThat(skills).filteredOn(s -> s.personId() == leo).extracting(SkillHolding::skillName)
			.containsExactly("Negotiation");

		assertThat(facts.skillsOf(ida)).isEqualTo(skills.stream().filter(s -> s.personId() == ida)
			.sorted(java.util.Comparator.comparingLong(SkillHolding::skillId)).toList());
		assertThat(facts.skillsOf(-1)).isEmpty();
	}

	@Test
	void peopleByIdComeInIdOrderAndUnknownIdsAreLeftOut() {
		importNow("A{r},ida-{r}@example.com,Ida Lund,Engineering,Oslo,6,,,,", "B{r},leo-{r}@example.com,Leo Falk,Sales,,,A{r},,,");
		long ida = id("ida");
		long leo = id("leo");

		assertThat(facts.people(List.of(leo, -5L, ida, leo))).extracting(PersonFact::id, PersonFact::fullName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ida, "Ida Lund"), org.assertj.core.groups.Tuple.tuple(leo, "Leo Falk"));
		assertThat(facts.people(List.of())).isEmpty();

		// more ids than one query takes
		List<Long> many = new ArrayList<>();
		for (long i = 0; i < 2_500; i++) {
			many.add(-i);
		}
		many.add(leo);
		assertThat(facts.people(many)).extracting(PersonFact::id).containsExactly(leo);
	}
}
