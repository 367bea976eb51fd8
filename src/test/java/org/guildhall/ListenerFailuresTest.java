package org.guildhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

@ExtendWith(OutputCaptureExtension.class)
class ListenerFailuresTest {

	static class Listener {
		void on(String event) {
		}
	}

	private static Method listener() throws NoSuchMethodException {
		return Listener.class.getDeclaredMethod("on", String.class);
	}

	@Test
	void aLockWaitOrAnOutageIsOneWarningLineNamingTheListener(CapturedOutput output) throws Exception {
		ListenerFailures.failed(new QueryTimeoutException("PreparedStatementCallback",
				new SQLException("Timeout trying to lock table \"insight_state\"", "HYT00", 50200)), listener(), "imported");
		ListenerFailures.failed(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLException("Connection refused", "08001")), listener(), "imported");
		assertThat(output.getOut()).contains("WARN").contains("Listener.on failed and will be delivered again")
			.contains("Timeout trying to lock table").contains("Connection refused").doesNotContain("ERROR").doesNotContain("\tat ");
	}

	@Test
	void aBugInAListenerIsStillAnErrorWithItsStackTrace(CapturedOutput output) throws Exception {
		ListenerFailures.failed(new IllegalStateException("a bug in the listener"), listener(), "imported");
		assertThat(output.getOut()).contains("ERROR").contains("Unexpected error in Listener.on").contains("a bug in the listener")
			.contains("\tat ");
	}
}
