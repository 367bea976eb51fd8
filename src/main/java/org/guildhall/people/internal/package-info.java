/** The people module's implementation details: its part of the personal-data archive and clean-up after an erasure. */
@org.jspecify.annotations.NullMarked
package org.guildhall.people.internal;
