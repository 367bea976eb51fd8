package org.guildhall.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notifications and e-mail choices. Everyone signed in sees only their own: every query
 * is bound to the caller's person id, and an id that is someone else's is reported as not found.
 * An account that is not a person of the directory has no notifications.
 */
@Service
public class Inbox {

	private final JdbcClient jdbc;
	private final Clock clock = Clock.systemUTC();

	Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The caller's notifications, newest first; only unread ones when asked. */
	@Transactional(readOnly = true)
	public PageResult<Notification> notifications(CurrentUser me, boolean unreadOnly, PageRequest page) {
		if (me.personId() == null) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		String where = " WHERE recipient_person_id = :me" + (unreadOnly ? " AND read_at IS NULL" : "");
		long total = jdbc.sql("SELECT COUNT(*) FROM notification" + where).param("me", me.personId()).query(Long.class).single();
		List<Notification> items = jdbc.sql("""
				SELECT id, category, title, body, link, created_at, read_at FROM notification""" + where
				+ " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.param("me", me.personId()).param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> map(rs)).list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** How many of the caller's notifications are unread. */
	@Transactional(readOnly = true)
	public long unreadCount(CurrentUser me) {
		if (me.personId() == null) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_person_id = ? AND read_at IS NULL")
			.param(me.personId()).query(Long.class).single();
	}

	/** Marks one of the caller's notifications read (again is harmless); anyone else's is not found. */
	@Transactional
	public Notification markRead(long notificationId, CurrentUser me) {
		if (me.personId() == null) {
			throw notFound(notificationId);
		}
		jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND recipient_person_id = ? AND read_at IS NULL")
			.params(Timestamp.from(clock.instant()), notificationId, me.personId()).update();
		return jdbc.sql("SELECT id, category, title, body, link, created_at, read_at FROM notification WHERE id = ? AND recipient_person_id = ?")
			.params(notificationId, me.personId()).query((rs, n) -> map(rs)).optional()
			.orElseThrow(() -> notFound(notificationId));
	}

	/** Marks all the caller's notifications read; returns how many were unread. */
	@Transactional
	public int markAllRead(CurrentUser me) {
		if (me.personId() == null) {
			return 0;
		}
		return jdbc.sql("UPDATE notification SET read_at = ? WHERE recipient_person_id = ? AND read_at IS NULL")
			.params(Timestamp.from(clock.instant()), me.personId()).update();
	}

	/** The caller's e-mail choices; every category is on until switched off. */
	@Transactional(readOnly = true)
	public EmailPreferences preferences(CurrentUser me) {
		if (me.personId() == null) {
			return new EmailPreferences(false, false);
		}
		return preferencesOf(me.personId());
	}

	/** Saves the caller's e-mail choices. */
	@Transactional
	public EmailPreferences setPreferences(EmailPreferences preferences, CurrentUser me) {
		if (me.personId() == null) {
			throw new ConflictException("Your account is not linked to a person in the directory, so it gets no notifications.");
		}
		for (Category category : Category.values()) {
			if (!category.optional()) {
				continue;
			}
			boolean email = preferences.wants(category);
			int changed = jdbc.sql("UPDATE notification_preference SET email = ? WHERE person_id = ? AND category = ?")
				.params(email, me.personId(), category.name()).update();
			if (changed == 0) {
				// a concurrent first save of the same person inserts the same row: the key turns it into one
				jdbc.sql("""
						INSERT INTO notification_preference (person_id, category, email)
						SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM notification_preference WHERE person_id = ? AND category = ?)""")
					.params(me.personId(), category.name(), email, me.personId(), category.name()).update();
			}
		}
		return preferencesOf(me.personId());
	}

	/** The e-mail choices of a person, for the module's own listeners. */
	@Transactional(readOnly = true)
	public EmailPreferences preferencesOf(long personId) {
		boolean[] on = {true, true};
		jdbc.sql("SELECT category, email FROM notification_preference WHERE person_id = ?").param(personId).query(rs -> {
			on[Category.valueOf(rs.getString(1)).ordinal()] = rs.getBoolean(2);
		});
		return new EmailPreferences(on[Category.MENTORING.ordinal()], on[Category.COMMUNITY.ordinal()]);
	}

	private static Notification map(ResultSet rs) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Notification(rs.getLong("id"), Category.valueOf(rs.getString("category")), rs.getString("title"),
				rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				read == null ? null : read.toInstant());
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("No notification with id " + id);
	}
}
