/**
 * Mentorships: one mentoring relationship between a mentor and a mentee inside a programme, from
 * invitation (or a mentee's request) to completion, with its agreement, goals and milestones,
 * meetings with calendar invitations, notes, check-ins and surveys, and a health score. Its events
 * tell other modules (notifications, insights, community) what happened; the community's expert
 * finder, which this module already depends on, is told directly when a mentorship starts or ends.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.mentorships;
