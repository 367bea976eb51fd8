-- The expert finder's evidence per person and skill, kept so that "who knows X?" reads the best few
-- rows of one index instead of adding up every answer, vote, article and kudos on X per query
-- (~40-250 ms of database time for a popular skill at 200,000 posts). Derived data: a row exists for
-- each person with community evidence on the skill (answers to questions on it, articles on it,
-- kudos for it), carries their declaration of the skill too (0 = not declared), and points is what
-- the finder gives for all of that. Rewritten in the transaction that changes the evidence, and
-- recomputed from scratch whenever the search index is rebuilt. No foreign keys: it can always be
-- thrown away and computed again.
CREATE TABLE community_expertise (
    person_id      BIGINT NOT NULL,
    skill_id       BIGINT NOT NULL,
    proficiency    INT NOT NULL,
    can_teach      BOOLEAN NOT NULL,
    accepted       INT NOT NULL,
    other_answers  INT NOT NULL,
    answer_votes   INT NOT NULL,
    articles       INT NOT NULL,
    article_votes  INT NOT NULL,
    kudos          INT NOT NULL,
    points         DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (skill_id, person_id)
);
-- the best on a skill, in order; the people found by words, looked up by the primary key (skill first,
-- so that the plan does not hang on statistics, which lag behind a recompute); a person's rows, to rewrite them
CREATE INDEX community_expertise_by_points ON community_expertise (skill_id, points DESC, person_id);
CREATE INDEX community_expertise_by_person ON community_expertise (person_id);

-- One row that every rewrite of community_expertise updates first: rewrites take turns, so one that
-- read the evidence before another committed cannot leave rows the other one removed.
CREATE TABLE community_expertise_lock (
    id       INT PRIMARY KEY,
    rewrites BIGINT NOT NULL
);
INSERT INTO community_expertise_lock (id, rewrites) VALUES (1, 0);
