package org.guildhall.people;

import java.util.List;

/**
 * Whether the organisation asks people for self-reported characteristics (off unless an
 * administrator turns it on), and the characteristics it knows, asked or not, in display order.
 */
public record CharacteristicsSettings(boolean on, List<Characteristic> characteristics) {

	/** The characteristics people are asked now: none while the setting is off. */
	public List<Characteristic> asked() {
		return on ? characteristics.stream().filter(Characteristic::asked).toList() : List.of();
	}
}
