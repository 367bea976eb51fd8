-- Mentor places: how many of a mentor's places are taken (by published pairs and mentees' requests),
-- and which mentor a mentee is placed with. Guarded by conditional updates, so two mentees asking
-- for a mentor's last place cannot both get it.
ALTER TABLE enrolment ADD COLUMN places_taken INT NOT NULL DEFAULT 0;
ALTER TABLE enrolment ADD COLUMN placed_with BIGINT;
ALTER TABLE enrolment ADD CONSTRAINT enrolment_places_taken_range CHECK (places_taken >= 0);

-- Publishing a run turns its proposals into mentorship invitations, once.
ALTER TABLE matching_run ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE matching_run ADD COLUMN published_by VARCHAR(254);
ALTER TABLE matching_run ADD COLUMN published_pairs INT;
