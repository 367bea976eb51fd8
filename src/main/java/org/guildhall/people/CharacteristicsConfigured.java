package org.guildhall.people;

/**
 * An administrator changed the self-reported characteristics setting: turned it on or off, or
 * changed what is asked. Answers may have been deleted (all of them when turned off), so copies
 * elsewhere are to be replaced from {@link Characteristics#forEachConsented}.
 */
public record CharacteristicsConfigured(boolean on) {
}
