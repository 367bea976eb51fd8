package org.guildhall.demo;

import java.util.List;

import org.guildhall.demo.Department.Specialty;

/**
 * What the generator knows about one person while it writes their goals and bio.
 *
 * @param givenName first name, as written
 * @param teaches skills the person offers to teach, strongest first
 * @param learns skills the person wants to learn
 * @param knows every skill on the profile
 */
record Persona(String givenName, Department department, Specialty specialty, String title, int level,
		boolean lead, Office office, int hireYear, List<String> teaches, List<String> learns, List<String> knows,
		List<String> languages) {
}
