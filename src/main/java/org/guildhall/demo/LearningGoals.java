package org.guildhall.demo;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.guildhall.demo.Department.Specialty;
import org.jspecify.annotations.Nullable;

/**
 * Learning goals written the way people write them: short, first person or imperative, about a
 * skill they want, a move they are planning or a habit they want to change.
 */
final class LearningGoals {

	/** Separator of goals in the {@code goals} column. */
	static final String SEPARATOR = "|";

	/** What a goal is about; a person has at most one goal of each kind. */
	private enum Kind {
		SKILL, MOVE, LEADING, CAREER, COLLABORATION, HABIT, SHARING, PLACE
	}

	private record Template(Kind kind, BiFunction<Persona, SplittableRandom, @Nullable String> text) {
	}

	private static final Set<String> CERTIFIABLE = Set.of("Amazon Web Services", "Microsoft Azure",
			"Google Cloud Platform", "Kubernetes", "Terraform", "ISO 27001", "Scrum", "Project management",
			"Salesforce", "IFRS", "Data protection", "Cloud security", "Penetration testing");

	private static final List<Template> TEMPLATES = List.of(
			new Template(Kind.SKILL, (p, r) -> "I want to get better at " + phrase(learnable(p, r))),
			new Template(Kind.SKILL, (p, r) -> "Get hands-on with " + phrase(learnable(p, r)) + " on a real project this year"),
			new Template(Kind.SKILL, (p, r) -> "Learn enough " + phrase(learnable(p, r)) + " to review my colleagues' work"),
			new Template(Kind.SKILL, (p, r) -> "Get back into " + phrase(learnable(p, r)) + " after a few years away from it"),
			new Template(Kind.SKILL, (p, r) -> "Get a solid grounding in " + phrase(learnable(p, r))),
			new Template(Kind.SKILL, (p, r) -> {
				String skill = learnable(p, r);
				return CERTIFIABLE.contains(skill) ? "Get a " + skill + " certification before the end of the year" : null;
			}),
			new Template(Kind.MOVE, (p, r) -> "Move from " + p.specialty().area() + " into " + otherArea(p, r)),
			new Template(Kind.MOVE, (p, r) -> "Find someone who moved into " + otherArea(p, r) + " and learn how they did it"),
			new Template(Kind.CAREER, (p, r) -> p.lead() || p.level() < 4 || p.level() > 9 ? null
					: "Prepare for my first people-lead role"),
			new Template(Kind.CAREER, (p, r) -> p.lead() || p.level() < 5 || !p.department().technical() ? null
					: "Grow into a staff-level role: more influence beyond my own team"),
			new Template(Kind.CAREER, (p, r) -> p.level() > 3 ? null
					: "Understand how my work fits into the bigger picture"),
			new Template(Kind.LEADING, (p, r) -> p.lead() ? "I want to get better at giving feedback to my team" : null),
			new Template(Kind.LEADING, (p, r) -> p.lead() ? "Learn how to run one-on-ones that are not just status updates" : null),
			new Template(Kind.LEADING, (p, r) -> p.lead() ? "Hire and grow a team that does not need me in every decision" : null),
			new Template(Kind.LEADING, (p, r) -> p.lead() ? "Balance deep work with meetings now that I lead a team" : null),
			new Template(Kind.LEADING, (p, r) -> p.lead() && p.level() >= 10 ? "Get better at setting strategy and explaining the why" : null),
			new Template(Kind.COLLABORATION, (p, r) -> "Understand how " + otherDepartment(p, r).displayName()
					+ " works so our teams can work together better"),
			new Template(Kind.COLLABORATION, (p, r) -> "Work better with colleagues in other time zones"),
			new Template(Kind.HABIT, (p, r) -> "Build confidence presenting to senior leadership"),
			new Template(Kind.HABIT, (p, r) -> "Write clearer documents and proposals"),
			new Template(Kind.HABIT, (p, r) -> "Learn to say no to work that does not fit our priorities"),
			new Template(Kind.HABIT, (p, r) -> p.level() > 4 ? null : "Ask for help earlier instead of getting stuck on my own"),
			new Template(Kind.SHARING, (p, r) -> p.teaches().isEmpty() ? null
					: "Become the person people ask about " + phrase(p.teaches().get(0)) + " in " + p.department().displayName()),
			new Template(Kind.SHARING, (p, r) -> p.teaches().isEmpty() ? null
					: "Give a talk about " + phrase(p.teaches().get(r.nextInt(p.teaches().size()))) + " at a meetup"),
			new Template(Kind.SHARING, (p, r) -> p.teaches().isEmpty() ? null : "Start mentoring someone outside my team"),
			new Template(Kind.PLACE, (p, r) -> localLanguageGoal(p)),
			new Template(Kind.PLACE, (p, r) -> "Prepare for a move to our " + otherOffice(p, r).city() + " office"));

	private LearningGoals() {
	}

	/** One to three goals of different kinds, separated by {@link #SEPARATOR}. */
	static String write(Persona person, SplittableRandom random) {
		int wanted = 1 + random.nextInt(3);
		int written = 0;
		boolean[] kindsUsed = new boolean[Kind.values().length];
		StringBuilder goals = new StringBuilder(160);
		for (int attempt = 0; attempt < 40 && written < wanted; attempt++) {
			// a wanted skill is the most common goal
			Template template = attempt == 0 && !person.learns().isEmpty() && random.nextBoolean() ? TEMPLATES.get(0)
					: TEMPLATES.get(random.nextInt(TEMPLATES.size()));
			if (kindsUsed[template.kind().ordinal()]) {
				continue;
			}
			String goal = template.text().apply(person, random);
			if (goal == null) {
				continue;
			}
			kindsUsed[template.kind().ordinal()] = true;
			if (written++ > 0) {
				goals.append(SEPARATOR);
			}
			goals.append(goal);
		}
		return goals.toString();
	}

	/**
	 * A skill name as it reads inside a sentence: "machine learning", "giving feedback", but
	 * "Python", "Amazon Web Services" and "REST API design".
	 */
	static String phrase(String skill) {
		int space = skill.indexOf(' ');
		boolean sentenceCase = skill.length() > 1 && Character.isUpperCase(skill.charAt(0))
				&& Character.isLowerCase(skill.charAt(1));
		boolean commonNoun = space < 0 ? COMMON_NOUNS.contains(skill)
				: Character.isLowerCase(skill.charAt(space + 1));
		return sentenceCase && commonNoun ? Character.toLowerCase(skill.charAt(0)) + skill.substring(1) : skill;
	}

	private static final Set<String> COMMON_NOUNS = Set.of("Coaching", "Mentoring", "Delegation", "Accounting",
			"Statistics", "Negotiation", "Facilitation", "Storytelling", "Copywriting", "Recruiting", "Onboarding",
			"Prototyping", "Roadmapping", "Accessibility", "Networking", "Microservices", "Observability",
			"Cryptography", "Treasury", "Procurement", "Auditing", "Tax");

	private static String learnable(Persona p, SplittableRandom r) {
		if (!p.learns().isEmpty()) {
			return p.learns().get(r.nextInt(p.learns().size()));
		}
		List<String> pool = Department.EVERYONE;
		for (int attempt = 0; attempt < 10; attempt++) {
			String skill = pool.get(r.nextInt(pool.size()));
			if (!p.knows().contains(skill)) {
				return skill;
			}
		}
		return "Public speaking";
	}

	private static String otherArea(Persona p, SplittableRandom r) {
		if (!p.lead() && p.level() >= 5 && r.nextInt(4) == 0) {
			return "people management";
		}
		for (int attempt = 0; attempt < 5; attempt++) {
			Department department = r.nextBoolean() ? p.department() : otherDepartment(p, r);
			List<Specialty> specialties = department.specialties();
			Specialty target = specialties.get(r.nextInt(specialties.size()));
			if (!target.area().equals(p.specialty().area())) {
				return target.area();
			}
		}
		return "people management";
	}

	private static Department otherDepartment(Persona p, SplittableRandom r) {
		Department[] all = Department.values();
		Department other;
		do {
			other = all[1 + r.nextInt(all.length - 1)]; // never the executive office
		} while (other == p.department());
		return other;
	}

	private static Office otherOffice(Persona p, SplittableRandom r) {
		Office[] all = Office.values();
		Office other;
		do {
			other = all[r.nextInt(all.length)];
		} while (other == p.office());
		return other;
	}

	private static @Nullable String localLanguageGoal(Persona p) {
		String local = p.office().language();
		if (local == null || p.languages().contains(local)) {
			return null;
		}
		return "Improve my " + local + " so I can get by without English in " + p.office().city();
	}
}
