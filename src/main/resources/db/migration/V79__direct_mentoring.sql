-- Mentoring outside any programme ("Ask to be my mentor" on a profile). A mentorship always belongs
-- to a programme, so direct requests share one standing programme, found through direct_mentoring.
-- direct_mentor_place counts each mentor's direct mentees, so that two requests for a mentor's last
-- place cannot both succeed (a conditional UPDATE of one row).
INSERT INTO programme (name, purpose, format, status, duration_weeks, default_capacity, matching_mode, objective, weights,
                       approval_required, owner_account_id, created_at)
VALUES ('Mentoring outside programmes', 'Mentorships people ask for directly from a profile, outside any programme.',
        'ONE_TO_ONE', 'RUNNING', 12, 1, 'SELF_SELECT', 'OPTIMAL', 'skills=3', FALSE, 0, CURRENT_TIMESTAMP);

CREATE TABLE direct_mentoring (
    id            INT PRIMARY KEY,
    programme_id  BIGINT NOT NULL REFERENCES programme (id),
    CONSTRAINT direct_mentoring_one_row CHECK (id = 1)
);
INSERT INTO direct_mentoring (id, programme_id)
SELECT 1, MAX(id) FROM programme WHERE name = 'Mentoring outside programmes' AND owner_account_id = 0;

CREATE TABLE direct_mentor_place (
    mentor_id  BIGINT PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    taken      INT NOT NULL DEFAULT 0,
    CONSTRAINT direct_mentor_place_not_negative CHECK (taken >= 0)
);
