package org.guildhall.identity;

/** What an account may do across Guildhall. Mentor and mentee are roles inside a programme, not here. */
public enum Role {
	ADMIN, PROGRAMME_MANAGER, EMPLOYEE
}
