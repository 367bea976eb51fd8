-- Where each proposed mentor stood among the mentors the run allowed the mentee (1 = best-scoring),
-- as the matching engine ranked them: the fairness audit counts "matched to a top-3 choice" from it.
-- Runs made before this column existed have no rank (NULL), and neither have pinned pairs the
-- engine did not rank.
ALTER TABLE match_proposal ADD COLUMN choice_rank INT;
