/**
 * People: profiles with skills, goals and mentoring availability, the skill taxonomy with aliases,
 * the searchable directory and the import of people from HR exports.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.people;
