package org.guildhall.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.mentorships.MentorshipInvited;
import org.guildhall.notifications.internal.Notifier;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener that fails while the database is away (as 7 did in an outage: "JDBC rollback failed")
 * is delivered again by the scheduled retry, and its side effect exists exactly once. The retry runs
 * every second here, and is stopped afterwards so that it does not keep running, in this cached
 * context, under other tests that share the database.
 */
@GuildhallTest
@TestPropertySource(properties = { "guildhall.events.retry.enabled=true", "guildhall.events.retry.initial-delay=PT1S",
		"guildhall.events.retry.interval=PT1S", "guildhall.events.retry.older-than=PT2S",
		// a context of its own: it lets go of its connections once idle, as the shared PostgreSQL has 100 in all
		"spring.datasource.hikari.maximum-pool-size=5", "spring.datasource.hikari.minimum-idle=0",
		"spring.datasource.hikari.idle-timeout=10000" })
class EventPublicationRetryTest {

	@MockitoSpyBean
	Notifier notifier;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<ScheduledTaskHolder> scheduled;

	@AfterEach
	void stopTheRetry() {
		List<ScheduledTask> retries = scheduled.stream().flatMap(holder -> holder.getScheduledTasks().stream())
			.filter(task -> task.toString().contains("EventPublicationRetry")).toList();
		retries.forEach(ScheduledTask::cancel);
		assertThat(retries).as("the retry job was scheduled, and is stopped").isNotEmpty();
	}

	@Test
	void aListenerThatFailedInAnOutageIsDeliveredAgainAndTellsThePersonExactlyOnce() {
		TestOrganisation org = TestOrganisation.create(imports, identity, directory);
		long mentorship = System.currentTimeMillis() % 1_000_000_000L * 10 + 7;
		String source = "mentorship-invited:" + mentorship;
		AtomicInteger deliveries = new AtomicInteger();
		doAnswer(call -> {
			Notifier.Message message = call.getArgument(0);
			if (message.sourceKey().equals(source) && deliveries.getAndIncrement() == 0) {
				throw new TransientDataAccessResourceException("JDBC rollback failed (injected by the test)");
			}
			return call.callRealMethod();
		}).when(notifier).notify(any(Notifier.Message.class));

		MentorshipInvited requested = new MentorshipInvited(mentorship, 1, org.ann().personId(), org.bo().personId(), true);
		transaction.executeWithoutResult(tx -> events.publishEvent(requested));

		await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.get() >= 1);
		// the first delivery failed: the mentor was not told, and the publication is kept as incomplete
		assertThat(notifications(org.ann().personId(), source)).isZero();

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.until(() -> notifications(org.ann().personId(), source) == 1 && incomplete(mentorship) == 0);
		assertThat(deliveries.get()).as("delivered again by the retry").isGreaterThanOrEqualTo(2);

		// delivered once more (a retry racing a slow listener): still told once, one e-mail
		transaction.executeWithoutResult(tx -> events.publishEvent(requested));
		await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(mentorship) == 0 && deliveries.get() >= 3);
		assertThat(notifications(org.ann().personId(), source)).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM notification_mail m JOIN notification n ON n.id = m.notification_id
				WHERE n.recipient_person_id = ? AND n.source_key = ?""")
			.params(org.ann().personId(), source).query(Long.class).single()).isEqualTo(1);
		assertThat(notifications(org.bo().personId(), source)).as("a mentee's request tells only the mentor").isZero();
	}

	private long notifications(long personId, String source) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_person_id = ? AND source_key = ?")
			.params(personId, source).query(Long.class).single();
	}

	/** Publications of this mentorship's invitation to the notification listeners not completed yet. */
	private long incomplete(long mentorship) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE '%MentoringListeners%'
				  AND serialized_event LIKE ?""")
			.param("%\"mentorshipId\":" + mentorship + ",%").query(Long.class).single();
	}
}
