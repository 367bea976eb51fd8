-- Directory pages filtered by department or location come in name order straight from these
-- indexes (the query orders by the filtered column first, which is constant, so both H2 and
-- PostgreSQL walk the index instead of sorting every match).
DROP INDEX person_by_department;
DROP INDEX person_by_location;
CREATE INDEX person_by_department ON person (department, active, full_name, id);
CREATE INDEX person_by_location ON person (location, active, full_name, id);
