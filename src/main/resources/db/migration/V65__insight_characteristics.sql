-- Insights: its copy of consenting people's self-reported characteristics (people module's
-- Characteristics), used only to count groups of five or more in the fairness audit. Never shown
-- or exported per person. Empty while the organisation has characteristics off.
CREATE TABLE insight_characteristic (
    person_id           BIGINT NOT NULL,
    characteristic_key  VARCHAR(40) NOT NULL,
    answer              VARCHAR(80) NOT NULL,
    PRIMARY KEY (person_id, characteristic_key)
);
