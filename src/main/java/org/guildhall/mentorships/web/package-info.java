/** Mentorship pages (Thymeleaf + htmx) and the JSON API under {@code /api/v1/mentorships}. */
@org.jspecify.annotations.NullMarked
package org.guildhall.mentorships.web;
