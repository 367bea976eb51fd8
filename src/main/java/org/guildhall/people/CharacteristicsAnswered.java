package org.guildhall.people;

/**
 * A person gave, changed or withdrew their self-reported characteristics (the event carries no
 * answer: listeners ask {@link Characteristics#consentedAnswers} for what is there now).
 */
public record CharacteristicsAnswered(long personId) {
}
