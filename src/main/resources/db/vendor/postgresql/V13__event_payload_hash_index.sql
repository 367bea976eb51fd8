-- A B-tree entry must fit in a third of a page (about 2,700 bytes), so a long serialised event could not be
-- stored with the B-tree index of V1. A hash index has no such limit (it is what Spring Modulith ships for PostgreSQL).
DROP INDEX event_publication_serialized_event;
CREATE INDEX event_publication_serialized_event ON event_publication USING hash (serialized_event);
