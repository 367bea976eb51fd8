-- Events such as a meeting's calendar invitation can be longer than 8,000 characters once serialised.
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE VARCHAR(1000000);
ALTER TABLE event_publication_archive ALTER COLUMN serialized_event SET DATA TYPE VARCHAR(1000000);
