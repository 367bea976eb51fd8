package org.guildhall.people;

/** A person's profile was edited (by themselves or an administrator). */
public record ProfileUpdated(long personId, long editorAccountId) {
}
