-- A programme that nobody runs or enrols in (the standing "Mentoring outside programmes" that direct
-- requests from a profile belong to) is not listed with the programmes people can join.
ALTER TABLE programme ADD COLUMN listed BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE programme SET listed = FALSE WHERE id IN (SELECT programme_id FROM direct_mentoring);
