package org.guildhall.demo;

import java.util.List;

import org.jspecify.annotations.Nullable;

import static org.guildhall.demo.Culture.*;

/**
 * An office of the demo company: its city, its IANA time zone, the local language and who tends
 * to work there (cultures listed first are more common; anyone may work anywhere).
 */
enum Office {

	BERLIN("Berlin", "Europe/Berlin", "German", 14, GERMAN, TURKISH, POLISH, NORDIC, ITALIAN),
	LONDON("London", "Europe/London", null, 13, BRITISH, INDIAN, NIGERIAN, FRENCH, POLISH),
	NEW_YORK("New York", "America/New_York", null, 12, AMERICAN, CHINESE, MEXICAN, BRITISH, KOREAN),
	SAN_FRANCISCO("San Francisco", "America/Los_Angeles", null, 7, AMERICAN, CHINESE, INDIAN, VIETNAMESE, MEXICAN),
	TORONTO("Toronto", "America/Toronto", "French", 6, AMERICAN, FRENCH, CHINESE, INDIAN, KOREAN),
	SAO_PAULO("São Paulo", "America/Sao_Paulo", "Portuguese", 7, BRAZILIAN, PORTUGUESE, JAPANESE, ITALIAN),
	LISBON("Lisbon", "Europe/Lisbon", "Portuguese", 6, PORTUGUESE, BRAZILIAN, SPANISH, FRENCH),
	BANGALORE("Bangalore", "Asia/Kolkata", "Kannada", 12, INDIAN),
	SINGAPORE("Singapore", "Asia/Singapore", "Mandarin", 6, CHINESE, MALAY, INDIAN, VIETNAMESE),
	SYDNEY("Sydney", "Australia/Sydney", null, 5, BRITISH, AMERICAN, CHINESE, VIETNAMESE),
	NAIROBI("Nairobi", "Africa/Nairobi", "Swahili", 4, KENYAN, NIGERIAN, INDIAN),
	TOKYO("Tokyo", "Asia/Tokyo", "Japanese", 3, JAPANESE, KOREAN),
	WARSAW("Warsaw", "Europe/Warsaw", "Polish", 3, POLISH, GERMAN),
	MADRID("Madrid", "Europe/Madrid", "Spanish", 3, SPANISH, MEXICAN, ARABIC),
	AMSTERDAM("Amsterdam", "Europe/Amsterdam", "Dutch", 3, DUTCH, TURKISH, GERMAN, BRITISH),
	DUBAI("Dubai", "Asia/Dubai", "Arabic", 2, ARABIC, INDIAN, BRITISH);

	private final String city;
	private final String timeZone;
	private final @Nullable String language;
	private final int weight;
	private final List<Culture> locals;

	Office(String city, String timeZone, @Nullable String language, int weight, Culture... locals) {
		this.city = city;
		this.timeZone = timeZone;
		this.language = language;
		this.weight = weight;
		this.locals = List.of(locals);
	}

	String city() {
		return city;
	}

	String timeZone() {
		return timeZone;
	}

	/** The local language when it is not English, otherwise {@code null}. */
	@Nullable String language() {
		return language;
	}

	/** Relative size of the office. */
	int weight() {
		return weight;
	}

	/** Cultures common among the people of this office, most common first. */
	List<Culture> locals() {
		return locals;
	}
}
