package org.guildhall.people;

import java.util.List;

/**
 * A self-reported characteristic the organisation may ask about (gender, age band...): its stable
 * key, the name people see and the answers they may choose, "Prefer not to say" among them.
 *
 * @param asked whether people are asked it now (only while the organisation has characteristics on)
 */
public record Characteristic(String key, String name, List<String> answers, boolean asked) {

	public static final String PREFER_NOT_TO_SAY = "Prefer not to say";
}
