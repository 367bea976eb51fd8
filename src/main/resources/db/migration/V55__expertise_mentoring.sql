-- Mentoring given counts as expert finder evidence: per mentor and skill, the number of different
-- mentees of theirs, in mentorships that are active or completed, who want to learn a skill the
-- mentor declares (a mentorship has no skill of its own, so this is where it plausibly taught one).
-- Mentorships that ended early, were declined or never started do not count. Existing rows get 0
-- here and their real counts from the recompute that every start-up's search index rebuild runs.
ALTER TABLE community_expertise ADD COLUMN mentees INT NOT NULL DEFAULT 0;
