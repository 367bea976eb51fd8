package org.guildhall.people;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One person's own view of their self-reported characteristics: what is asked, whether they gave
 * consent (and when), and their answers by characteristic key. Only ever shown to that person.
 */
public record MyCharacteristics(List<Characteristic> asked, boolean consented, @Nullable Instant consentedAt,
		Map<String, String> answers) {
}
