package org.guildhall.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.guildhall.notifications.Category;
import org.guildhall.notifications.Inbox;
import org.guildhall.people.Profile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells one person something: writes the in-app notification and, when the person wants e-mail for
 * the category, an outbox row with the finished e-mail (plain text with a link to the page, and an
 * optional attachment such as a calendar invitation). Without {@code spring.mail.host} the e-mail is
 * logged and recorded as SKIPPED instead. Only active people are notified. A message
 * whose source key the person already has is dropped, so a redelivered event tells nobody twice.
 */
@Component
public class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	private final JdbcClient jdbc;
	private final Recipients recipients;
	private final Inbox inbox;
	private final ObjectProvider<JavaMailSender> mailSender;
	private final String baseUrl;
	private final Clock clock = Clock.systemUTC();
	private final TransactionTemplate transactions;

	Notifier(JdbcClient jdbc, Recipients recipients, Inbox inbox, ObjectProvider<JavaMailSender> mailSender,
			TransactionTemplate transactions, @Value("${guildhall.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.mailSender = mailSender;
		this.recipients = recipients;
		this.inbox = inbox;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** A file sent with the e-mail (not shown in the app). */
	public record Attachment(String name, String contentType, String content) {
	}

	/**
	 * What to tell a person. {@code link} is a path inside Guildhall ("/mentorships/7");
	 * {@code sourceKey} names the cause (event and ids) so that it is told once.
	 */
	public record Message(long recipientId, Category category, String sourceKey, String title, String body, String link,
			@Nullable Attachment attachment) {

		public Message {
			if (!link.startsWith("/")) {
				throw new IllegalArgumentException("link must be a path inside Guildhall: " + link);
			}
		}

		public Message(long recipientId, Category category, String sourceKey, String title, String body, String link) {
			this(recipientId, category, sourceKey, title, body, link, null);
		}
	}

	/**
	 * Records the notification (and its e-mail); returns its id, or nothing when nobody was told.
	 * The same message delivered twice at the same moment (an event handed to its listener again)
	 * tells the person once: the loser of the race finds the unique key taken and does nothing.
	 */
	public Optional<Long> notify(Message message) {
		try {
			return transactions.execute(tx -> record(message));
		}
		catch (DuplicateKeyException e) {
			log.debug("Person {} was told about {} at the same moment", message.recipientId(), message.sourceKey());
			return Optional.empty();
		}
	}

	private Optional<Long> record(Message message) {
		Optional<Profile> recipient = recipients.active(message.recipientId());
		if (recipient.isEmpty()) {
			log.debug("Not notifying person {} ({}): not an active person", message.recipientId(), message.sourceKey());
			return Optional.empty();
		}
		Instant now = clock.instant();
		String title = oneLine(cut(message.title(), 300));
		String body = cut(message.body(), 4000);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO notification (recipient_person_id, category, source_key, title, body, link, created_at)
				SELECT :person, :category, :source, :title, :body, :link, :now
				WHERE NOT EXISTS (SELECT 1 FROM notification WHERE recipient_person_id = :person AND source_key = :source)""")
			.param("person", message.recipientId()).param("category", message.category().name())
			.param("source", cut(message.sourceKey(), 200)).param("title", title).param("body", body)
			.param("link", cut(message.link(), 500)).param("now", Timestamp.from(now))
			.update(key, "id");
		if (inserted == 0) {
			log.debug("Person {} was already told about {}", message.recipientId(), message.sourceKey());
			return Optional.empty();
		}
		long id = key.getKeyAs(Number.class).longValue();
		if (inbox.preferencesOf(message.recipientId()).wants(message.category())) {
			Attachment attachment = message.attachment();
			// without an SMTP server the mail is recorded as skipped right away, so that no sender ever picks it up
			boolean canSend = mailSender.getIfAvailable() != null;
			if (!canSend) {
				log.info("E-mail not sent (no spring.mail.host configured): to {}, subject \"{}\"", recipient.get().email(), title);
			}
			jdbc.sql("""
					INSERT INTO notification_mail (notification_id, to_address, subject, body, attachment_name, attachment_type,
					  attachment, status, attempts, next_attempt_at, created_at, finished_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
				.params(id, recipient.get().email(), title, mailBody(body, message.link()),
						attachment == null ? null : attachment.name(), attachment == null ? null : attachment.contentType(),
						attachment == null ? null : attachment.content(), canSend ? "PENDING" : "SKIPPED", Timestamp.from(now),
						Timestamp.from(now), canSend ? null : Timestamp.from(now))
				.update();
		}
		return Optional.of(id);
	}

	/**
	 * An e-mail with no in-app notification, for one address: a one-time link that must not sit in
	 * anyone's notification list. {@code body} may name {@code {link}}, which becomes the absolute
	 * address of {@code path}. Written once per {@code sourceKey}; returns whether it was written.
	 */
	public boolean mailOnly(String to, String sourceKey, String subject, String body, String path) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("path must be inside Guildhall: " + path);
		}
		boolean canSend = mailSender.getIfAvailable() != null;
		if (!canSend) {
			log.info("E-mail not sent (no spring.mail.host configured): to {}, subject \"{}\"", to, subject);
		}
		Timestamp now = Timestamp.from(clock.instant());
		try {
			Integer written = transactions.execute(tx -> jdbc.sql("""
					INSERT INTO notification_mail (source_key, to_address, subject, body, status, attempts, next_attempt_at,
					  created_at, finished_at)
					SELECT :source, :to, :subject, :body, :status, 0, :now, :now, :finished
					WHERE NOT EXISTS (SELECT 1 FROM notification_mail WHERE source_key = :source)""")
				.param("source", cut(sourceKey, 200)).param("to", to).param("subject", oneLine(cut(subject, 300)))
				.param("body", cut(body.replace("{link}", baseUrl + path), 8000)).param("status", canSend ? "PENDING" : "SKIPPED")
				.param("now", now).param("finished", canSend ? null : now)
				.update());
			return written != null && written == 1;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	private String mailBody(String body, String link) {
		return body + "\n\n" + baseUrl + link + "\n\n-- \nGuildhall. Choose which e-mails you get: " + baseUrl
				+ "/notifications/settings\n";
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t]+", " ").strip();
	}
}
