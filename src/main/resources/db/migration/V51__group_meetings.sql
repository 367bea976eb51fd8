-- Group mentoring: a meeting the mentor schedules for the whole group is one calendar event (one UID)
-- recorded once per mentorship of the group, so each pair's health, notes and check-ins stay its own.
ALTER TABLE meeting DROP CONSTRAINT meeting_uid_unique;
ALTER TABLE meeting ADD CONSTRAINT meeting_uid_once_per_mentorship UNIQUE (uid, mentorship_id);
ALTER TABLE meeting ADD COLUMN for_group BOOLEAN NOT NULL DEFAULT FALSE;
