package org.guildhall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * With the database away every request answers fast with 503, Retry-After and a problem detail (or
 * a short page), not a 500 after 30 s. The outage itself cannot be staged on the shared PostgreSQL
 * server, so: the mapping is tested with the exceptions Spring raises then, and the speed with the
 * pool settings of application.yml against a port where nothing listens.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

	@RestController
	static class ApiThatNeedsTheDatabase {

		@GetMapping("/api/v1/things")
		String things() {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLException("HikariPool-1 - Connection is not available, request timed out after 2000ms."));
		}

		@GetMapping("/api/v1/writes")
		String writes() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		}

		@GetMapping("/api/v1/locked")
		String locked() {
			// as H2 reports a lock wait that ran out while another transaction held the row (PostgreSQL: CannotAcquireLockException)
			throw new org.springframework.dao.QueryTimeoutException("PreparedStatementCallback",
					new SQLException("Timeout trying to lock table \"insight_state\"", "HYT00", 50200));
		}
	}

	@Controller
	static class PageThatNeedsTheDatabase {

		@GetMapping("/things")
		@ResponseBody
		String things() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
					new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
		}
	}

	final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ApiThatNeedsTheDatabase(), new PageThatNeedsTheDatabase())
		.setControllerAdvice(new ApiExceptionHandler())
		.addFilters(new DatabaseOutage(), (request, response, chain) -> {
			// as the session store does for a signed-in request: it reads the session from the database
			if ("/signed-in".equals(((jakarta.servlet.http.HttpServletRequest) request).getRequestURI())) {
				throw new org.springframework.dao.DataAccessResourceFailureException("Unable to acquire JDBC Connection");
			}
			chain.doFilter(request, response);
		})
		.build();

	@Test
	void theApiAnswers503WithRetryAfterAndAProblemDetail(CapturedOutput output) throws Exception {
		for (String url : new String[] {"/api/v1/things", "/api/v1/writes"}) {
			mvc.perform(get(url))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(503))
				.andExpect(jsonPath("$.detail").value(DatabaseOutage.DETAIL));
		}
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
	}

	@Test
	void aLockWaitThatRanOutIsBusyNotABug(CapturedOutput output) throws Exception {
		mvc.perform(get("/api/v1/locked"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.title").value("Busy"))
			.andExpect(jsonPath("$.detail").value(ApiExceptionHandler.BUSY));
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
	}

	@Test
	void pagesAndFailuresBeforeAnyControllerAnswer503Too(CapturedOutput output) throws Exception {
		mvc.perform(get("/things").accept(MediaType.TEXT_HTML))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("not available just now")));
		mvc.perform(get("/signed-in").accept(MediaType.TEXT_HTML))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"));
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
	}

	@Test
	void aConnectionCutUnderARunningWriteIsAnOutageEvenWhenItsRollbackFailsToo() {
		// PostgreSQL stopping ("fast") ends every session under a running statement; the rollback then finds the connection closed
		java.sql.SQLException terminated = new java.sql.SQLException("terminating connection due to administrator command", "57P01");
		java.sql.SQLException closed = new java.sql.SQLException("Connection is closed", "08003");
		var rollbackFailed = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed", closed);
		rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("answer", terminated));
		assertThat(DatabaseOutage.isOutage(rollbackFailed)).isTrue();
		assertThat(DatabaseOutage.isOutage(new org.springframework.jdbc.UncategorizedSQLException("insert", "INSERT", terminated))).isTrue();
		assertThat(DatabaseOutage.isOutage(new org.springframework.jdbc.UncategorizedSQLException("insert", "INSERT",
				new java.sql.SQLException("syntax error", "42601")))).as("a bug in SQL is not an outage").isFalse();
	}

	@Test
	void aBugIsStillA500() {
		assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseOutage.isOutage(new org.springframework.dao.DuplicateKeyException("taken"))).isFalse();
	}

	@Test
	void withThePoolSettingsOfApplicationYmlAnUnreachableDatabaseFailsWithinThreeSeconds() throws Exception {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties settings = yaml.getObject();
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/guildhall");
			pool.setUsername("postgres");
			pool.setConnectionTimeout(Long.parseLong(settings.getProperty("spring.datasource.hikari.connection-timeout")));
			pool.setValidationTimeout(Long.parseLong(settings.getProperty("spring.datasource.hikari.validation-timeout")));
			pool.setInitializationFailTimeout(-1);
			JdbcTemplate jdbc = new JdbcTemplate(pool);

			long start = System.nanoTime();
			assertThatThrownBy(() -> jdbc.queryForObject("SELECT 1", Integer.class))
				.satisfies(e -> assertThat(DatabaseOutage.isOutage(e)).as(e.toString()).isTrue());
			assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to fail").isLessThan(3000);
		}
	}
}
