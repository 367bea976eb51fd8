package org.guildhall.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On the PostgreSQL run, checks once that PostgreSQL answers. When it does not, the tests are
 * skipped on a developer machine, but fail when {@code GUILDHALL_TEST_POSTGRES_REQUIRED=true} (CI).
 */
public class PostgresAvailability implements ExecutionCondition {

	private static volatile Boolean reachable;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestProfiles.onPostgres()) {
			return ConditionEvaluationResult.enabled("H2 run");
		}
		if (reachable == null) {
			reachable = check();
		}
		if (reachable) {
			return ConditionEvaluationResult.enabled("PostgreSQL answers");
		}
		if (required()) {
			throw new IllegalStateException("PostgreSQL at " + url() + " is not reachable, and this run requires it "
					+ "(GUILDHALL_TEST_POSTGRES_REQUIRED=true). Start it: pg_ctlcluster <version> main start");
		}
		return ConditionEvaluationResult.disabled("PostgreSQL at " + url() + " is not reachable; skipped (not required here)");
	}

	static boolean required() {
		String env = System.getenv("GUILDHALL_TEST_POSTGRES_REQUIRED");
		return "true".equalsIgnoreCase(env) || "true".equalsIgnoreCase(System.getProperty("guildhall.test.postgres.required"));
	}

	static String url() {
		String env = System.getenv("GUILDHALL_TEST_POSTGRES_URL");
		return env != null ? env : "jdbc:postgresql://127.0.0.1:5432/test";
	}

	private static boolean check() {
		String user = System.getenv().getOrDefault("GUILDHALL_TEST_POSTGRES_USER", "postgres");
		try (Connection connection = DriverManager.getConnection(url(), user, "")) {
			return connection.isValid(5);
		}
		catch (SQLException e) {
			return false;
		}
	}
}
