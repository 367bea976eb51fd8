-- Moderation of comments and kudos messages. A hidden comment is kept out of every thread the way a
-- deleted one is (deleted_at is set), but hidden_reason marks it as hidden by a moderator, so that it
-- can be shown again. A hidden kudos stays (it still counts), only its message is replaced for
-- everyone; hidden_at says since when.
ALTER TABLE community_comment ADD COLUMN hidden_reason VARCHAR(500);
ALTER TABLE community_comment ADD COLUMN hidden_by VARCHAR(254);
ALTER TABLE community_kudos ADD COLUMN hidden_reason VARCHAR(500);
ALTER TABLE community_kudos ADD COLUMN hidden_by VARCHAR(254);
ALTER TABLE community_kudos ADD COLUMN hidden_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX community_comment_hidden ON community_comment (hidden_reason, deleted_at);
CREATE INDEX community_kudos_hidden ON community_kudos (hidden_reason, hidden_at);
