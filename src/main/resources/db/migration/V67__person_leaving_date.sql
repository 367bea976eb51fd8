-- The last working day of someone HR says is leaving (HR file column leaving_date). Not shown on
-- profiles: it only counts towards the skills at risk in insights.
ALTER TABLE person ADD COLUMN leaving_date DATE;
