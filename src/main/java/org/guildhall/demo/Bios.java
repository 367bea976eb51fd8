package org.guildhall.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Short self-introductions in the first person. Some contain commas, quotes or a paragraph break,
 * as real ones do, so the CSV quoting gets exercised.
 */
final class Bios {

	private static final List<String> PREVIOUS_EMPLOYERS = List.of("a logistics start-up", "a large bank",
			"a consultancy", "a public-sector agency", "a games studio", "a university research group",
			"a digital agency", "a telecom company", "an online retailer", "a non-profit", "a hospital group",
			"an airline", "a fintech", "a car maker", "a newspaper");

	private static final List<String> PASTIMES = List.of("climbing", "sourdough baking", "chess",
			"running half-marathons", "birdwatching", "playing the cello", "cycling to work in any weather",
			"board games", "film photography", "gardening", "five-a-side football", "restoring old bikes",
			"volunteering at a food bank", "kite surfing", "pottery", "yoga", "science fiction", "history podcasts",
			"cooking for far too many people", "learning the guitar, slowly", "hiking with my dog",
			"open-water swimming", "salsa dancing", "crosswords");

	private static final List<String> MOTTOS = List.of("make it work, make it right, make it fast",
			"strong opinions, loosely held", "done is better than perfect", "leave things better than you found them",
			"if it hurts, do it more often", "write it down", "assume good intent", "ask the second question");

	private Bios() {
	}

	/** A bio of one to four sentences. */
	static String write(Persona p, SplittableRandom r) {
		StringBuilder bio = new StringBuilder(240);
		int opening = r.nextInt(4);
		if (p.level() == OrgChart.TOP_LEVEL) {
			bio.append("I founded the company in ").append(p.hireYear()).append(" and still run it from ")
				.append(p.office().city()).append('.');
		}
		else if (opening == 0 && p.lead()) {
			bio.append(p.level() >= 10 ? "I lead several " : "I lead a ").append(p.department().displayName())
				.append(p.level() >= 10 ? " teams" : " team").append(" in ").append(p.office().city()).append('.');
		}
		else {
			switch (opening) {
				case 0 -> bio.append("I'm ").append(article(p.title())).append(' ').append(p.title()).append(" in ")
					.append(p.office().city()).append('.');
				case 1 -> bio.append(p.title()).append(", based in ").append(p.office().city()).append('.');
				case 2 -> bio.append("I work on ").append(p.specialty().area()).append(" from our ")
					.append(p.office().city()).append(" office.");
				default -> bio.append("Hi, I'm ").append(p.givenName()).append("! I look after ")
					.append(p.specialty().area()).append(" in ").append(p.department().displayName()).append('.');
			}
		}
		switch (p.level() == OrgChart.TOP_LEVEL ? 2 : r.nextInt(3)) {
			case 0 -> bio.append(" I joined in ").append(p.hireYear()).append('.');
			case 1 -> bio.append(" Before joining in ").append(p.hireYear()).append(" I worked at ")
				.append(pick(PREVIOUS_EMPLOYERS, r)).append('.');
			default -> { }
		}
		if (!p.teaches().isEmpty() && r.nextInt(3) > 0) {
			bio.append(" Ask me about ").append(LearningGoals.phrase(p.teaches().get(0)));
			if (p.teaches().size() > 1) {
				bio.append(" or ").append(LearningGoals.phrase(p.teaches().get(1)));
			}
			bio.append('.');
		}
		if (!p.learns().isEmpty() && r.nextInt(3) == 0) {
			bio.append(" Currently learning ").append(LearningGoals.phrase(p.learns().get(0))).append(", so send good resources my way.");
		}
		boolean paragraph = r.nextInt(30) == 0;
		switch (r.nextInt(4)) {
			case 0 -> bio.append(paragraph ? "\n\n" : " ").append("Outside work: ").append(pick(PASTIMES, r)).append('.');
			case 1 -> bio.append(paragraph ? "\n\n" : " ").append("My rule of thumb: \"").append(pick(MOTTOS, r))
				.append("\".");
			case 2 -> {
				if (p.languages().size() > 1) {
					bio.append(" I speak ").append(String.join(", ", p.languages())).append('.');
				}
			}
			default -> { }
		}
		return bio.toString();
	}

	private static String article(String title) {
		char first = Character.toLowerCase(title.charAt(0));
		return "aeiou".indexOf(first) >= 0 ? "an" : "a";
	}

	private static String pick(List<String> options, SplittableRandom r) {
		return options.get(r.nextInt(options.size()));
	}
}
