package org.guildhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

@ExtendWith(OutputCaptureExtension.class)
class SchedulingConfigurationTest {

	@Test
	void aJobThatCannotReachTheDatabaseLogsOneWarningWithoutAStackTrace(CapturedOutput output) {
		SchedulingConfiguration.jobFailed(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms")));
		assertThat(output.getOut()).contains("WARN").contains("could not reach the database")
			.contains("Connection is not available").doesNotContain("ERROR").doesNotContain("\tat ");
	}

	@Test
	void anyOtherFailureIsStillAnErrorWithItsStackTrace(CapturedOutput output) {
		SchedulingConfiguration.jobFailed(new IllegalStateException("a bug in the job"));
		assertThat(output.getOut()).contains("ERROR").contains("a bug in the job").contains("\tat ");
	}
}
