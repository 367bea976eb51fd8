-- Sentence embeddings of profile texts (a mentee's goals, a mentor's expertise and bio), keyed by the
-- model and the SHA-256 of the text (the text itself is not kept), so that matching runs and mentor
-- recommendations embed each text once, across runs, nodes and restarts.
CREATE TABLE text_embedding (
    model       VARCHAR(100) NOT NULL,
    text_hash   VARCHAR(64) NOT NULL,
    vector      BYTEA NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (model, text_hash)
);
