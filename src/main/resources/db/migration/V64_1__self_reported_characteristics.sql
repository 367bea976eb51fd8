-- People: organisation settings that administrators change in the app, and self-reported
-- characteristics (asked only while the organisation turns them on, answered only with consent).

-- One row per organisation-wide setting, created here with its default (so that changing it is an
-- UPDATE, which also makes two administrators saving at once take turns).
CREATE TABLE organisation_setting (
    setting_key    VARCHAR(80) PRIMARY KEY,
    setting_value  VARCHAR(4000) NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by     VARCHAR(254) NOT NULL
);
INSERT INTO organisation_setting (setting_key, setting_value, changed_at, changed_by)
VALUES ('characteristics.on', 'false', CURRENT_TIMESTAMP, 'default');

-- The characteristics an administrator may ask; allowed answers one per line, "Prefer not to say"
-- always among them. Seeded with common ones, none asked until an administrator ticks them.
CREATE TABLE characteristic (
    characteristic_key  VARCHAR(40) PRIMARY KEY,
    name                VARCHAR(80) NOT NULL,
    answers             VARCHAR(2000) NOT NULL,
    position            INT NOT NULL,
    asked               BOOLEAN NOT NULL
);

-- A person's consent; answers exist only while it does (withdrawing deletes both).
CREATE TABLE characteristic_consent (
    person_id  BIGINT PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    given_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE characteristic_answer (
    person_id           BIGINT NOT NULL REFERENCES characteristic_consent (person_id) ON DELETE CASCADE,
    characteristic_key  VARCHAR(40) NOT NULL REFERENCES characteristic (characteristic_key) ON DELETE CASCADE,
    answer              VARCHAR(80) NOT NULL,
    PRIMARY KEY (person_id, characteristic_key)
);

INSERT INTO characteristic (characteristic_key, name, answers, position, asked) VALUES
    ('gender', 'Gender', 'Woman' || CHR(10) || 'Man' || CHR(10) || 'Non-binary' || CHR(10) || 'In another way' || CHR(10) || 'Prefer not to say', 1, FALSE),
    ('age-band', 'Age band', 'Under 25' || CHR(10) || '25 to 34' || CHR(10) || '35 to 44' || CHR(10) || '45 to 54' || CHR(10) || '55 or over' || CHR(10) || 'Prefer not to say', 2, FALSE),
    ('ethnicity', 'Ethnicity', 'Asian' || CHR(10) || 'Black' || CHR(10) || 'Mixed or multiple' || CHR(10) || 'White' || CHR(10) || 'Another ethnic group' || CHR(10) || 'Prefer not to say', 3, FALSE),
    ('disability', 'Disability', 'Yes' || CHR(10) || 'No' || CHR(10) || 'Prefer not to say', 4, FALSE),
    ('caring', 'Caring responsibilities', 'Yes' || CHR(10) || 'No' || CHR(10) || 'Prefer not to say', 5, FALSE);
