package org.guildhall.people;

import java.util.Map;

/** A consenting person's answers by characteristic key, for read models that only aggregate them. */
public record CharacteristicAnswers(long personId, Map<String, String> answers) {
}
