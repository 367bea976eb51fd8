/**
 * Home: each person's dashboard, composed from the public APIs of the other modules (profile,
 * programmes, mentorships, community). Nothing depends on it.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.home;
