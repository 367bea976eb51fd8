-- E-mails that are not a copy of an in-app notification: one-time password links (identity's
-- PasswordLinkIssued). They have no notification row; source_key makes a redelivered event send once.
ALTER TABLE notification_mail ALTER COLUMN notification_id DROP NOT NULL;
ALTER TABLE notification_mail ADD COLUMN source_key VARCHAR(200);
CREATE UNIQUE INDEX notification_mail_source_key ON notification_mail (source_key);
