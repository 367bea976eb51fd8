package org.guildhall.identity;

/** What an account may do across Guildhall. Mentor and mentee are roles inside a programme, not here. */
public enum Role {
	ADMIN("Administrator"), PROGRAMME_MANAGER("Programme manager"), EMPLOYEE("Employee");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	/** The role's name in words, as pages show it. */
	public String label() {
		return label;
	}
}
