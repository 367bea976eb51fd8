package org.guildhall.testing;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Tests run on the embedded H2 database; with {@code -Dguildhall.test.database=postgres} the same
 * tests run on PostgreSQL (the second surefire execution does this).
 */
public class TestProfiles implements ActiveProfilesResolver {

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("guildhall.test.database"));
	}

	@Override
	public String[] resolve(Class<?> testClass) {
		return onPostgres() ? new String[] {"test", "pgtest"} : new String[] {"test"};
	}
}
