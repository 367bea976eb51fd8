/**
 * Programmes: mentoring programmes with their lifecycle (draft, enrolling, matching, running,
 * closed), enrolment as mentor or mentee, and bulk matching runs whose proposals a programme
 * manager reviews, pins or forbids before publishing.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.programmes;
