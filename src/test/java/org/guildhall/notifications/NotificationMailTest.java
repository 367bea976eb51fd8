package org.guildhall.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.guildhall.testing.CalendarFiles;
import org.guildhall.community.AnswerPosted;
import org.guildhall.community.ExpertAsked;
import org.guildhall.community.KudosBoard;
import org.guildhall.community.NewKudos;
import org.guildhall.community.NewQuestion;
import org.guildhall.community.Post;
import org.guildhall.community.QuestionBoard;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.mentorships.MeetingChanged;
import org.guildhall.mentorships.MentorshipDeclined;
import org.guildhall.mentorships.MentorshipInvited;
import org.guildhall.mentorships.NudgeDue;
import org.guildhall.notifications.internal.MailOutbox;
import org.guildhall.notifications.internal.Notifier;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestOrganisation.Member;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notification e-mail through a real SMTP server in process (GreenMail): events published as their
 * modules publish them, the scheduled sender delivering the outbox, and the messages read back.
 */
@GuildhallTest
class NotificationMailTest {

	private static final int SMTP_PORT = freePort();
	private static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
	private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

	private static GreenMail smtp = started();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> SMTP_PORT);
		properties.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
		properties.add("spring.mail.properties.mail.smtp.timeout", () -> 2000);
		properties.add("guildhall.base-url", () -> "https://guildhall.example.org");
		properties.add("guildhall.notifications.mail.from", () -> "Guildhall <guildhall@example.org>");
		properties.add("guildhall.notifications.mail.send-interval", () -> "PT0.2S");
		properties.add("guildhall.notifications.mail.initial-delay", () -> "PT0S");
		properties.add("guildhall.notifications.mail.retry-base", () -> "PT1S");
		properties.add("guildhall.notifications.mail.retry-max", () -> "PT2S");
		properties.add("guildhall.notifications.mail.max-attempts", () -> 5);
	}

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
	Inbox inbox;

	@Autowired
	Notifier notifier;

	@Autowired
	MailOutbox outbox;

	@Autowired
	QuestionBoard questions;

	@Autowired
	KudosBoard kudos;

	TestOrganisation org;

	@BeforeEach
	void organisation() {
		if (!smtp.isRunning()) {
			smtp = started();
		}
		org = TestOrganisation.create(imports, identity, directory);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void aMenteesRequestTellsOnlyTheMentorByMailWithALinkToTheMentorship() throws Exception {
		long mentorship = ids.incrementAndGet();
		publish(new MentorshipInvited(mentorship, 1, org.ann().personId(), org.bo().personId(), true));

		MimeMessage mail = awaitMailTo(org.ann());
		assertThat(mail.getSubject()).isEqualTo("Bo Ek asks you to be their mentor");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Guildhall <guildhall@example.org>");
		assertThat(textOf(mail)).contains("https://guildhall.example.org/mentorships/" + mentorship)
			.contains("https://guildhall.example.org/notifications/settings");

		List<Notification> anns = inbox.notifications(user(org.ann()), false, new PageRequest(0, 20)).items();
		assertThat(anns).extracting(Notification::title, Notification::link)
			.containsExactly(tuple("Bo Ek asks you to be their mentor", "/mentorships/" + mentorship));
		assertThat(anns.get(0).read()).isFalse();
		assertThat(inbox.unreadCount(user(org.ann()))).isEqualTo(1);
		// the mentee asked: they are not told about their own request
		assertThat(inbox.unreadCount(user(org.bo()))).isZero();
		assertThat(mailsTo(org.bo())).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'notifications-mail-sender'").query(Long.class).single())
			.as("the sender ran under its ShedLock lock").isEqualTo(1);
	}

	@Test
	void aPublishedMatchTellsBothPeopleAndADeclineTellsTheOtherWithTheReason() throws Exception {
		long mentorship = ids.incrementAndGet();
		publish(new MentorshipInvited(mentorship, 1, org.ann().personId(), org.bo().personId(), false));
		assertThat(awaitMailTo(org.ann()).getSubject()).isEqualTo("You are invited to mentor Bo Ek");
		assertThat(awaitMailTo(org.bo()).getSubject()).isEqualTo("You are matched with Ann Okafor as your mentor");

		publish(new MentorshipDeclined(mentorship, 1, org.ann().personId(), org.bo().personId(), org.ann().personId(),
				"I am on leave until June"));
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(org.bo()).size() == 2);
		MimeMessage declined = mailsTo(org.bo()).get(1);
		assertThat(declined.getSubject()).isEqualTo("Ann Okafor declined the mentorship");
		assertThat(textOf(declined)).contains("Their reason: I am on leave until June");
		// the one who declined is not told about it
		Thread.sleep(500);
		assertThat(mailsTo(org.ann())).hasSize(1);
	}

	@Test
	void meetingInvitationsCarryAnIcsThatUpdatesAndCancelsTheSameCalendarEntry() throws Exception {
		long meeting = ids.incrementAndGet();
		long mentorship = ids.incrementAndGet();
		Instant start = Instant.parse("2030-03-05T14:00:00Z");
		jdbc.sql("UPDATE person SET time_zone = 'America/New_York' WHERE id = ?").param(org.bo().personId()).update();
		publish(meetingChanged(meeting, mentorship, MeetingChanged.Change.SCHEDULED, start, 0));
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(org.bo()).size() == 1);
		publish(meetingChanged(meeting, mentorship, MeetingChanged.Change.RESCHEDULED, start.plus(1, ChronoUnit.DAYS), 1));
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(org.bo()).size() == 2);
		publish(meetingChanged(meeting, mentorship, MeetingChanged.Change.CANCELLED, start.plus(1, ChronoUnit.DAYS), 2));
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(org.bo()).size() == 3);

		List<MimeMessage> mails = mailsTo(org.bo());
		// times in the attendee's own time zone
		assertThat(mails.get(0).getSubject())
			.isEqualTo("Ann Okafor invited you to a meeting on Tuesday 5 March 2030, 09:00 (America/New_York)");
		assertThat(mails.get(1).getSubject())
			.isEqualTo("Ann Okafor moved your meeting to Wednesday 6 March 2030, 09:00 (America/New_York)");
		assertThat(mails.get(2).getSubject())
			.isEqualTo("Ann Okafor cancelled the meeting on Wednesday 6 March 2030, 09:00 (America/New_York)");
		assertThat(textOf(mails.get(0))).contains("45 minutes, Room 4.12")
			.contains("https://guildhall.example.org/mentorships/" + mentorship);

		List<String> methods = new ArrayList<>();
		List<String> uids = new ArrayList<>();
		List<String> contentTypes = new ArrayList<>();
		for (MimeMessage mail : mails) {
			Part invite = attachment(mail, "invite.ics");
			contentTypes.add(invite.getContentType().replaceAll("\\s+", " "));
			try (InputStream in = invite.getInputStream()) {
				Calendar calendar = CalendarFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				methods.add(calendar.getMethod().getValue());
				VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
				uids.add(event.<Property>getProperty("UID").orElseThrow().getValue());
			}
		}
		assertThat(methods).containsExactly("REQUEST", "REQUEST", "CANCEL");
		assertThat(uids).containsOnly("meeting-" + meeting + "@guildhall.example.org").hasSize(3);
		assertThat(contentTypes.get(0)).startsWith("text/calendar").contains("method=REQUEST");
		// and inline beside the text, where calendar clients look for a meeting request
		assertThat(inlineCalendarType(mails.get(0))).startsWith("text/calendar").contains("method=REQUEST");
		assertThat(inlineCalendarType(mails.get(2))).contains("method=CANCEL");
		assertThat(contentTypes.get(2)).startsWith("text/calendar").contains("method=CANCEL");
		assertThat(inbox.notifications(user(org.bo()), false, new PageRequest(0, 20)).items()).hasSize(3);
	}

	@Test
	void nudgesGoToEveryRecipientWithTheirReason() throws Exception {
		long mentorship = ids.incrementAndGet();
		publish(new NudgeDue(mentorship, 1, List.of(org.ann().personId(), org.bo().personId()), NudgeDue.Reason.NOT_MET,
				"You agreed to meet every 2 weeks; your last meeting was 5 weeks ago."));
		for (Member member : List.of(org.ann(), org.bo())) {
			MimeMessage mail = awaitMailTo(member);
			assertThat(mail.getSubject()).isEqualTo("Time to meet: your mentoring pair has not met for a while");
			assertThat(textOf(mail)).contains("your last meeting was 5 weeks ago")
				.contains("https://guildhall.example.org/mentorships/" + mentorship);
		}
	}

	@Test
	void communityEventsReachTheExpertTheAskerAndTheKudosReceiverButNobodyAboutThemselves() throws Exception {
		Post question = questions.ask(new NewQuestion("How do we size a thread pool " + org.run(), "Any rules of thumb?", List.of("Java")),
				user(org.bo()));
		publish(new ExpertAsked(question.id(), org.ann().personId(), org.bo().personId(), question.title()));
		MimeMessage asked = awaitMailTo(org.ann());
		assertThat(asked.getSubject()).isEqualTo("Bo Ek asks for your expertise: " + question.title());
		assertThat(textOf(asked)).contains("https://guildhall.example.org/community/questions/" + question.id());

		// the community module publishes AnswerPosted itself: Bo asked, so Bo hears about Ann's answer
		questions.answer(question.id(), "Cores times (1 + wait/compute).", user(org.ann()));
		MimeMessage answered = awaitMailTo(org.bo());
		assertThat(answered.getSubject()).isEqualTo("Ann Okafor answered your question: " + question.title());
		// an answer to one's own question tells nobody
		questions.answer(question.id(), "Update: measured it, 16 threads.", user(org.bo()));

		kudos.give(new NewKudos(org.ann().personId(), "Java", "Your thread-pool rule saved our release"), user(org.bo()));
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(org.ann()).size() == 2);
		assertThat(mailsTo(org.ann()).get(1).getSubject()).isEqualTo("Bo Ek gave you kudos for Java");
		assertThat(textOf(mailsTo(org.ann()).get(1)))
			.contains("https://guildhall.example.org/community/people/" + org.ann().personId() + "/kudos");

		Thread.sleep(1000);
		assertThat(mailsTo(org.bo())).hasSize(1);
		assertThat(inbox.notifications(user(org.bo()), false, new PageRequest(0, 20)).items()).hasSize(1);
	}

	@Test
	void withEmailSwitchedOffTheNotificationIsInTheAppButNoMailIsSent() throws Exception {
		inbox.setPreferences(new EmailPreferences(false, true), user(org.ann()));
		long mentorship = ids.incrementAndGet();
		publish(new MentorshipInvited(mentorship, 1, org.ann().personId(), org.bo().personId(), false));

		awaitMailTo(org.bo()); // Bo kept e-mail on: his arrives, and Ann's would have come by now
		await().atMost(Duration.ofSeconds(10))
			.until(() -> inbox.unreadCount(user(org.ann())) == 1);
		Thread.sleep(1000);
		assertThat(mailsTo(org.ann())).isEmpty();
		assertThat(inbox.notifications(user(org.ann()), false, new PageRequest(0, 20)).items())
			.extracting(Notification::title).containsExactly("You are invited to mentor Bo Ek");
		// community mail is still on
		publish(new ExpertAsked(ids.incrementAndGet(), org.ann().personId(), org.bo().personId(), "Anything on JIT tuning?"));
		assertThat(awaitMailTo(org.ann()).getSubject()).isEqualTo("Bo Ek asks for your expertise: Anything on JIT tuning?");
	}

	@Test
	void aRedeliveredEventTellsNobodyTwice() throws Exception {
		long mentorship = ids.incrementAndGet();
		MentorshipInvited event = new MentorshipInvited(mentorship, 1, org.ann().personId(), org.bo().personId(), true);
		publish(event);
		publish(event);
		awaitMailTo(org.ann());
		Thread.sleep(1000);
		assertThat(mailsTo(org.ann())).hasSize(1);
		assertThat(inbox.unreadCount(user(org.ann()))).isEqualTo(1);
	}

	@Test
	void whenSmtpIsDownTheMailIsRetriedWithBackOffAndDeliveredOnceItIsBack() throws Exception {
		smtp.stop();
		long mentorship = ids.incrementAndGet();
		publish(new MentorshipInvited(mentorship, 1, org.ann().personId(), org.bo().personId(), true));

		await().atMost(Duration.ofSeconds(20)).until(() -> mailRow(org.ann()).map(r -> r.attempts() >= 2).orElse(false));
		MailRow failing = mailRow(org.ann()).orElseThrow();
		assertThat(failing.status()).isIn("PENDING", "SENDING");
		assertThat(failing.lastError()).contains("MailSendException");

		smtp = started();
		MimeMessage mail = awaitMailTo(org.ann());
		assertThat(mail.getSubject()).isEqualTo("Bo Ek asks you to be their mentor");
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(mailRow(org.ann()).orElseThrow().status()));
		Thread.sleep(1500);
		assertThat(mailsTo(org.ann())).hasSize(1);
		assertThat(mailRow(org.ann()).orElseThrow().attempts()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aMailThatFailsEveryAttemptIsMarkedFailedAndNotSentLater() throws Exception {
		smtp.stop();
		publish(new MentorshipInvited(ids.incrementAndGet(), 1, org.ann().personId(), org.bo().personId(), true));

		await().atMost(Duration.ofSeconds(40)).until(() -> mailRow(org.ann()).map(r -> r.status().equals("FAILED")).orElse(false));
		MailRow failed = mailRow(org.ann()).orElseThrow();
		assertThat(failed.attempts()).isEqualTo(5);
		assertThat(failed.lastError()).contains("MailSendException");

		smtp = started();
		Thread.sleep(3000);
		assertThat(mailsTo(org.ann())).isEmpty();
		assertThat(mailRow(org.ann()).orElseThrow().status()).isEqualTo("FAILED");
		// the in-app notification does not depend on the mail
		assertThat(inbox.unreadCount(user(org.ann()))).isEqualTo(1);
	}

	@Test
	void twoSendersWorkingTheSameOutboxDeliverEachMailExactlyOnce() throws Exception {
		int count = 40;
		Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
		// the rows are due only in an hour, so the scheduled sender leaves them to the two senders here
		transaction.executeWithoutResult(tx -> {
			for (int i = 0; i < count; i++) {
				long id = notifier.notify(new Notifier.Message(org.ann().personId(), Category.COMMUNITY, "race:" + org.run() + ":" + i,
						"Race " + org.run() + " #" + i, "Message " + i, "/community")).orElseThrow();
				jdbc.sql("UPDATE notification_mail SET next_attempt_at = ? WHERE notification_id = ?")
					.params(java.sql.Timestamp.from(later), id).update();
			}
		});
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> sent = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				sent.add(threads.submit(() -> {
					start.await();
					int total = 0;
					int batch;
					do {
						batch = outbox.deliverDue(later.plusSeconds(1)).sent();
						total += batch;
					}
					while (batch > 0);
					return total;
				}));
			}
			assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(count);
		}
		finally {
			threads.shutdownNow();
		}
		List<MimeMessage> mails = mailsTo(org.ann());
		Map<String, Integer> bySubject = new HashMap<>();
		for (MimeMessage mail : mails) {
			bySubject.merge(mail.getSubject(), 1, Integer::sum);
		}
		assertThat(bySubject).hasSize(count);
		assertThat(bySubject.values()).containsOnly(1);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM notification_mail m JOIN notification n ON n.id = m.notification_id
				WHERE n.recipient_person_id = ? AND m.status = 'SENT' AND m.attempts = 1""")
			.param(org.ann().personId()).query(Long.class).single()).isEqualTo(count);
	}

	// --- helpers

	private void publish(Object event) {
		transaction.executeWithoutResult(tx -> events.publishEvent(event));
	}

	private MeetingChanged meetingChanged(long meeting, long mentorship, MeetingChanged.Change change, Instant start, int sequence) {
		DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);
		String calendar = String.join("\r\n",
				"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Guildhall//Mentorships//EN",
				"METHOD:" + (change == MeetingChanged.Change.CANCELLED ? "CANCEL" : "REQUEST"),
				"BEGIN:VEVENT", "UID:meeting-" + meeting + "@guildhall.example.org", "DTSTAMP:" + utc.format(Instant.now()),
				"SEQUENCE:" + sequence, "DTSTART:" + utc.format(start), "DTEND:" + utc.format(start.plus(45, ChronoUnit.MINUTES)),
				"SUMMARY:Mentoring: Ann Okafor and Bo Ek",
				"ORGANIZER;CN=Ann Okafor:mailto:" + org.ann().email(),
				"ATTENDEE;CN=Bo Ek;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:" + org.bo().email(),
				"STATUS:" + (change == MeetingChanged.Change.CANCELLED ? "CANCELLED" : "CONFIRMED"),
				"END:VEVENT", "END:VCALENDAR", "");
		return new MeetingChanged(meeting, mentorship, org.ann().personId(), org.bo().personId(), change, start, 45,
				"Room 4.12", calendar);
	}

	/** Waits for a first mail to the member and returns the newest. */
	private MimeMessage awaitMailTo(Member member) throws MessagingException {
		await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(member).isEmpty());
		List<MimeMessage> mails = mailsTo(member);
		return mails.get(mails.size() - 1);
	}

	private static List<MimeMessage> mailsTo(Member member) throws MessagingException {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (Arrays.stream(mail.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(member.email()))) {
				found.add(mail);
			}
		}
		return found;
	}

	private static String textOf(MimeMessage mail) throws MessagingException, IOException {
		Object content = mail.getContent();
		if (content instanceof String text) {
			return text;
		}
		Multipart parts = (Multipart) content;
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.isMimeType("text/plain") && part.getFileName() == null) {
				text.append(part.getContent());
			}
			else if (part.getContent() instanceof Multipart inner) {
				for (int j = 0; j < inner.getCount(); j++) {
					if (inner.getBodyPart(j).isMimeType("text/plain")) {
						text.append(inner.getBodyPart(j).getContent());
					}
				}
			}
		}
		return text.toString();
	}

	private static Part attachment(MimeMessage mail, String name) throws MessagingException, IOException {
		Multipart parts = (Multipart) mail.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			if (name.equals(parts.getBodyPart(i).getFileName())) {
				return parts.getBodyPart(i);
			}
		}
		throw new AssertionError("No attachment " + name + " in " + mail.getSubject());
	}

	private static String inlineCalendarType(MimeMessage mail) throws MessagingException, IOException {
		Multipart alternative = (Multipart) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
		assertThat(alternative.getContentType()).startsWith("multipart/alternative");
		for (int i = 0; i < alternative.getCount(); i++) {
			if (alternative.getBodyPart(i).isMimeType("text/calendar")) {
				return alternative.getBodyPart(i).getContentType().replaceAll("\\s+", " ");
			}
		}
		throw new AssertionError("No inline calendar part in " + mail.getSubject());
	}

	record MailRow(String status, int attempts, String lastError) {
	}

	private java.util.Optional<MailRow> mailRow(Member member) {
		return jdbc.sql("""
				SELECT m.status, m.attempts, m.last_error FROM notification_mail m JOIN notification n ON n.id = m.notification_id
				WHERE n.recipient_person_id = ? ORDER BY m.id DESC LIMIT 1""")
			.param(member.personId()).query((rs, n) -> new MailRow(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
	}

	static CurrentUser user(Member member) {
		return new CurrentUser(member.accountId(), member.email(), member.email(), member.personId(), Set.of(CurrentUser.EMPLOYEE));
	}

	private static GreenMail started() {
		GreenMail server = new GreenMail(SMTP);
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
