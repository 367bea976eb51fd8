-- The manager's list of a programme's enrolments: those waiting for approval first, then everyone
-- else newest first, both read in index order (sorting 10,000 enrolments by name on every view of
-- the programme page cost ~70 ms of database time).
CREATE INDEX enrolment_by_programme ON enrolment (programme_id, status, id);
CREATE INDEX enrolment_by_programme_newest ON enrolment (programme_id, id);
