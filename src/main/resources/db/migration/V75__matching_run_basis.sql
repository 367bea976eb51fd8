-- What a run was made from (a digest of the active enrolments and the pins and bans), so runs with
-- different objectives on the same enrolments can be compared side by side and one of them published.
ALTER TABLE matching_run ADD COLUMN basis VARCHAR(64);
