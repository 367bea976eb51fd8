package org.guildhall.community.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every text the demo community can write, not only the ones today's seed happens to pick. */
class DemoTopicsTest {

	private static final Pattern DEVELOPER_WORDS = Pattern.compile(
			"\\b(code|codebase|tests?|flaky|deploy\\w*|production|repositor\\w*|staging|stack|runbook|release|idiomatic|tooling)\\b",
			Pattern.CASE_INSENSITIVE);

	/** Families whose people build and run software; every other family must not read like a developer's. */
	private static final Set<DemoTopics.Family> TECHNICAL = Set.of(DemoTopics.ENGINEERING, DemoTopics.PLATFORM, DemoTopics.SECURITY);

	@Test
	void softSkillsGetTheirOwnWordingAndTechnicalOnesTheirs() {
		assertThat(DemoTopics.of("Negotiation")).isSameAs(DemoTopics.COMMUNICATION);
		assertThat(DemoTopics.of("coaching")).isSameAs(DemoTopics.PEOPLE);
		assertThat(DemoTopics.of("Stakeholder management")).isNotIn(TECHNICAL);
		assertThat(DemoTopics.of("Excel")).isSameAs(DemoTopics.DATA);
		assertThat(DemoTopics.of("Kubernetes")).isSameAs(DemoTopics.PLATFORM);
		assertThat(DemoTopics.of("Java")).isSameAs(DemoTopics.ENGINEERING);
		assertThat(DemoTopics.of("Underwater basket weaving")).isSameAs(DemoTopics.NEUTRAL);
	}

	@Test
	void everyFamilyHasVariedConcreteTextsThatFitIt() {
		List<DemoTopics.Family> all = new ArrayList<>(DemoTopics.FAMILIES);
		all.add(DemoTopics.NEUTRAL);
		for (DemoTopics.Family family : all) {
			assertThat(family.questions()).as(family.name()).hasSizeGreaterThanOrEqualTo(4);
			assertThat(family.answers()).as(family.name()).hasSizeGreaterThanOrEqualTo(4);
			assertThat(family.articles()).as(family.name()).hasSizeGreaterThanOrEqualTo(2);
			List<String> texts = new ArrayList<>();
			for (DemoTopics.Question question : family.questions()) {
				assertThat(question.title() + question.body()).as("a question names its topic").contains("%s");
				assertThat(question.title().length()).isBetween(Texts.TITLE_MIN, Texts.TITLE_MAX);
				texts.add(question.title() + "\n" + question.body());
			}
			for (DemoTopics.Article article : family.articles()) {
				assertThat(article.title()).contains("%s");
				texts.add(article.title() + "\n" + article.body());
			}
			for (String answer : family.answers()) {
				assertThat(answer).as("an answer in %s says something concrete", family.name()).hasSizeGreaterThan(200);
				assertThat(answer.split("[.!?][\"”]?(\\s|$)")).as("an answer of several sentences: %s", answer).hasSizeGreaterThanOrEqualTo(3);
				texts.add(answer);
			}
			texts.add(family.circle());
			if (!TECHNICAL.contains(family)) {
				assertThat(texts).as("texts for %s", family.name()).noneMatch(t -> DEVELOPER_WORDS.matcher(t).find());
			}
		}
	}
}
