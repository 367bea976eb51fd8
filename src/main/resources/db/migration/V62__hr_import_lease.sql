-- people: the node that prepares or applies an import holds a lease on it and renews it every few
-- seconds; an import whose lease ran out (its node stopped) is marked failed by any node. The owner
-- is one claim (node and a random part), so a claim that lost its lease can never finish.
ALTER TABLE hr_import ADD COLUMN lease_owner VARCHAR(200);
ALTER TABLE hr_import ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
-- imports left running before leases existed have no node renewing them: their lease is over now
UPDATE hr_import SET lease_until = CURRENT_TIMESTAMP WHERE status IN ('PREVIEWING', 'APPLYING');
CREATE INDEX hr_import_by_status_lease ON hr_import (status, lease_until);

-- One row that claims for applying lock in turn, so that two imports claimed at the same instant on
-- two nodes cannot both see "nothing else is being applied".
CREATE TABLE hr_import_apply_turn (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO hr_import_apply_turn (id) VALUES (1);
