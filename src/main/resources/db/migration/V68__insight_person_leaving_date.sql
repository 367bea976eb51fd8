-- The insights read model's copy of a person's leaving date (skills held only by people leaving).
ALTER TABLE insight_person ADD COLUMN leaving_date DATE;
