package org.guildhall;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.guildhall.shared.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, each run by one node at a time: a job annotated with {@code @SchedulerLock} takes
 * a lock row in the {@code shedlock} table (migration V31) before it runs, using the database's
 * clock so that nodes with skewed clocks agree. Set a job's cron to "-" to switch it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

	/**
	 * A job that fails because the database is away logs one warning line, not an ERROR with a stack
	 * trace every round: it runs again at its next turn, when the database may be back. Any other
	 * failure is still an ERROR.
	 */
	@Bean
	ThreadPoolTaskSchedulerCustomizer outageTolerantJobs() {
		return scheduler -> scheduler.setErrorHandler(SchedulingConfiguration::jobFailed);
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer outageTolerantJobsOnVirtualThreads() {
		return scheduler -> scheduler.setErrorHandler(SchedulingConfiguration::jobFailed);
	}

	static void jobFailed(Throwable failure) {
		if (DatabaseOutage.isOutage(failure)) {
			log.warn("A scheduled job could not reach the database; it runs again at its next turn ({})",
					DatabaseOutage.rootMessage(failure));
		}
		else {
			log.error("Unexpected error in a scheduled job", failure);
		}
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}
}
