-- Moderation: an administrator may hide a post (with a reason) and edit other people's posts.
-- A hidden post is kept out of every list, thread and search the way a deleted one is (deleted_at is
-- set), but hidden_reason marks it as hidden by a moderator, so that it can be shown again.
ALTER TABLE community_post ADD COLUMN hidden_reason VARCHAR(500);
ALTER TABLE community_post ADD COLUMN hidden_by VARCHAR(254);
-- true while the latest version of the post is a moderator's edit ("edited by a moderator")
ALTER TABLE community_post ADD COLUMN moderator_edited BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX community_post_hidden ON community_post (hidden_reason, deleted_at);
