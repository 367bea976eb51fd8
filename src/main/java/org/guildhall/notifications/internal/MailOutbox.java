package org.guildhall.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the e-mail outbox. Each due row is claimed with a conditional UPDATE before it is sent
 * (PENDING and due, or SENDING whose claim expired because its sender died), so however many
 * senders run at once, on one node or several, a row is sent by exactly one of them. A failed
 * attempt goes back to PENDING with a back-off; after the last attempt the row is FAILED. Without
 * {@code spring.mail.host} there is no mail sender and nothing to do (the {@link Notifier} marked
 * such rows SKIPPED), so a node without SMTP never takes rows from one that has it.
 */
@Component
public class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> mailSender;
	private final MailSettings settings;
	private final Clock clock = Clock.systemUTC();

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, MailSettings settings) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.settings = settings;
	}

	/** What happened to the rows one call worked through. */
	public record Delivery(int sent, int failedAttempts) {

		public int claimed() {
			return sent + failedAttempts;
		}
	}

	/** Works through every row due now, batch by batch, for at most {@code budget}. */
	public Delivery deliverDue(Duration budget) {
		long deadline = System.nanoTime() + budget.toNanos();
		Delivery total = new Delivery(0, 0);
		while (true) {
			Delivery batch = deliverDue(clock.instant());
			total = new Delivery(total.sent() + batch.sent(), total.failedAttempts() + batch.failedAttempts());
			// a batch that tried nothing, or failed at everything (SMTP down), ends the run until the next tick
			if (batch.claimed() == 0 || batch.sent() == 0 || System.nanoTime() > deadline) {
				return total;
			}
		}
	}

	/** Works through one batch of the rows due at {@code now}. */
	public Delivery deliverDue(Instant now) {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			return new Delivery(0, 0); // nothing to send with: rows were marked SKIPPED when written
		}
		List<Long> due = jdbc.sql("""
				SELECT id FROM notification_mail
				WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claim_expires_at < :now)
				ORDER BY id LIMIT :limit""")
			.param("now", Timestamp.from(now)).param("limit", settings.batchSize())
			.query(Long.class).list();
		int sent = 0;
		int failed = 0;
		for (long id : due) {
			String token = UUID.randomUUID().toString();
			if (!claim(id, token, now)) {
				continue; // another sender took it first
			}
			Row row = load(id);
			try {
				sender.send(mime(sender, row));
				finish(id, token, "SENT", null);
				sent++;
			}
			catch (MailException | MessagingException e) {
				failed++;
				retryLater(row, token, now, e);
			}
		}
		return new Delivery(sent, failed);
	}

	private boolean claim(long id, String token, Instant now) {
		return jdbc.sql("""
				UPDATE notification_mail SET status = 'SENDING', claim_token = :token, claim_expires_at = :expires,
				  attempts = attempts + 1
				WHERE id = :id AND ((status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claim_expires_at < :now))""")
			.param("token", token).param("expires", Timestamp.from(now.plus(settings.claimTimeout())))
			.param("id", id).param("now", Timestamp.from(now))
			.update() == 1;
	}

	private void finish(long id, String token, String status, @Nullable String error) {
		jdbc.sql("""
				UPDATE notification_mail SET status = ?, claim_token = NULL, claim_expires_at = NULL, last_error = ?, finished_at = ?,
				  body = CASE WHEN notification_id IS NULL THEN ? ELSE body END
				WHERE id = ? AND claim_token = ?""")
			.params(status, error, Timestamp.from(clock.instant()), MAIL_ONLY_BODY_GONE, id, token).update();
	}

	/** What is left of an e-mail without a notification (a one-time link) once it went out or failed for good. */
	static final String MAIL_ONLY_BODY_GONE = "(not kept: it held a one-time link)";

	private void retryLater(Row row, String token, Instant now, Exception e) {
		String error = describe(e);
		if (row.attempts() >= settings.maxAttempts()) {
			log.warn("E-mail {} to {} failed for good after {} attempts: {}", row.id(), row.to(), row.attempts(), error);
			finish(row.id(), token, "FAILED", error);
			return;
		}
		Instant next = now.plus(settings.backOff(row.attempts()));
		log.warn("E-mail {} to {} failed (attempt {} of {}), trying again at {}: {}", row.id(), row.to(), row.attempts(),
				settings.maxAttempts(), next, error);
		jdbc.sql("""
				UPDATE notification_mail SET status = 'PENDING', claim_token = NULL, claim_expires_at = NULL, last_error = ?,
				  next_attempt_at = ?
				WHERE id = ? AND claim_token = ?""")
			.params(error, Timestamp.from(next), row.id(), token).update();
	}

	/**
	 * A plain-text message; with an attachment such as a calendar invitation, the way calendar
	 * clients expect one: multipart/mixed of (multipart/alternative of the text and the inline
	 * calendar part) and the same calendar as a named attachment.
	 */
	private MimeMessage mime(JavaMailSender sender, Row row) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper mail = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
		mail.setFrom(settings.from());
		mail.setTo(row.to());
		mail.setSubject(row.subject());
		if (row.attachment() == null || row.attachmentName() == null || row.attachmentType() == null) {
			mail.setText(row.body(), false);
			return message;
		}
		byte[] content = row.attachment().getBytes(StandardCharsets.UTF_8);
		MimeBodyPart text = new MimeBodyPart();
		text.setText(row.body(), StandardCharsets.UTF_8.name());
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		if (row.attachmentType().startsWith("text/calendar")) {
			MimeBodyPart inline = new MimeBodyPart();
			inline.setDataHandler(new DataHandler(new ByteArrayDataSource(content, row.attachmentType())));
			alternative.addBodyPart(inline);
		}
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		MimeBodyPart file = new MimeBodyPart();
		file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, row.attachmentType())));
		file.setFileName(row.attachmentName());
		file.setDisposition(Part.ATTACHMENT);
		MimeMultipart mixed = new MimeMultipart("mixed");
		mixed.addBodyPart(body);
		mixed.addBodyPart(file);
		message.setContent(mixed);
		return message;
	}

	private Row load(long id) {
		return jdbc.sql("""
				SELECT id, to_address, subject, body, attachment_name, attachment_type, attachment, attempts
				FROM notification_mail WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getInt(8)))
			.single();
	}

	private static String describe(Exception e) {
		StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
		Throwable cause = e.getCause();
		if (cause != null && cause != e) {
			text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
		}
		return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
	}

	private record Row(long id, String to, String subject, String body, @Nullable String attachmentName,
			@Nullable String attachmentType, @Nullable String attachment, int attempts) {
	}
}
