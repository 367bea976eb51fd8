-- Insights: a read model of its own, fed by the other modules' events (and their public APIs for a
-- rebuild). Nothing here is read by another module; nothing here is written by another module.

-- Everyone as the people module last told us: for filters, groups and the network's nodes.
CREATE TABLE insight_person (
    person_id   BIGINT PRIMARY KEY,
    full_name   VARCHAR(200) NOT NULL,
    department  VARCHAR(120),
    location    VARCHAR(120),
    level       INT,
    hire_date   DATE,
    manager_id  BIGINT,
    active      BOOLEAN NOT NULL
);
CREATE INDEX insight_person_by_department ON insight_person (department, person_id);

-- Dated history of what HR imports said (copied from the people module's history by sequence).
CREATE TABLE insight_person_history (
    sequence      BIGINT PRIMARY KEY,
    person_id     BIGINT NOT NULL,
    effective_on  DATE NOT NULL,
    department    VARCHAR(120),
    location      VARCHAR(120),
    level         INT,
    manager_id    BIGINT,
    active        BOOLEAN NOT NULL
);
CREATE INDEX insight_person_history_by_person ON insight_person_history (person_id, effective_on, sequence);

CREATE TABLE insight_skill (
    person_id       BIGINT NOT NULL,
    skill_id        BIGINT NOT NULL,
    skill_name      VARCHAR(80) NOT NULL,
    proficiency     INT NOT NULL,
    can_teach       BOOLEAN NOT NULL,
    wants_to_learn  BOOLEAN NOT NULL,
    PRIMARY KEY (person_id, skill_id)
);
CREATE INDEX insight_skill_by_skill ON insight_skill (skill_id, person_id);

CREATE TABLE insight_programme (
    programme_id      BIGINT PRIMARY KEY,
    name              VARCHAR(120) NOT NULL,
    format            VARCHAR(20) NOT NULL,
    status            VARCHAR(20) NOT NULL,
    duration_weeks    INT NOT NULL,
    owner_account_id  BIGINT NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE insight_enrolment (
    programme_id  BIGINT NOT NULL,
    person_id     BIGINT NOT NULL,
    role          VARCHAR(10) NOT NULL,
    status        VARCHAR(20) NOT NULL,
    enrolled_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (programme_id, person_id)
);

-- One row per mentorship; end_category groups the free-text reason for an early end.
CREATE TABLE insight_pair (
    mentorship_id   BIGINT PRIMARY KEY,
    programme_id    BIGINT NOT NULL,
    run_id          BIGINT,
    mentor_id       BIGINT NOT NULL,
    mentee_id       BIGINT NOT NULL,
    status          VARCHAR(20) NOT NULL,
    requested       BOOLEAN NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    end_category    VARCHAR(40),
    cadence_days    INT,
    planned_weeks   INT NOT NULL,
    match_score     DOUBLE PRECISION,
    goals           INT NOT NULL,
    goals_achieved  INT NOT NULL
);
CREATE INDEX insight_pair_by_programme ON insight_pair (programme_id, status);
CREATE INDEX insight_pair_by_mentee ON insight_pair (mentee_id);
CREATE INDEX insight_pair_by_mentor ON insight_pair (mentor_id);

CREATE TABLE insight_meeting (
    mentorship_id  BIGINT NOT NULL,
    position       INT NOT NULL,
    starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mentorship_id, position)
);

-- Ratings only: no comment and no author, so no answer can be traced back to a person.
CREATE TABLE insight_rating (
    mentorship_id  BIGINT NOT NULL,
    position       INT NOT NULL,
    kind           VARCHAR(20) NOT NULL,
    by_mentor      BOOLEAN NOT NULL,
    rating         INT NOT NULL,
    PRIMARY KEY (mentorship_id, position)
);

-- Community links (answers, kudos, circles, expert sessions); mentoring links come from insight_pair.
CREATE TABLE insight_link (
    source      VARCHAR(40) NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    learner_id  BIGINT NOT NULL,
    teacher_id  BIGINT NOT NULL,
    linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source, learner_id, teacher_id)
);
CREATE INDEX insight_link_by_learner ON insight_link (learner_id);
CREATE INDEX insight_link_by_teacher ON insight_link (teacher_id);

-- Figures that take seconds to compute (network, outcomes, skills) are kept as JSON snapshots.
CREATE TABLE insight_snapshot (
    name         VARCHAR(80) PRIMARY KEY,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    body         TEXT NOT NULL
);

-- Per-person network figures for "my network" and the person pop-up on the map.
CREATE TABLE insight_network_person (
    person_id    BIGINT PRIMARY KEY,
    degree       INT NOT NULL,
    betweenness  DOUBLE PRECISION NOT NULL,
    cluster      INT NOT NULL
);

-- Watermarks and flags (the people history sequence copied so far, whether figures are stale).
CREATE TABLE insight_state (
    state_key    VARCHAR(60) PRIMARY KEY,
    state_value  VARCHAR(200) NOT NULL
);

-- The feed's writers take this row's lock first, so two of them never replace the same rows at once.
INSERT INTO insight_state (state_key, state_value) VALUES ('feed.lock', '-');
