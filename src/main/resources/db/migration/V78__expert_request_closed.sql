-- Ask an expert: once the asker agreed a session with one expert, or accepted an answer, the other
-- experts' open requests close (state CLOSED) and those experts are told they are no longer needed.
ALTER TABLE community_expert_request DROP CONSTRAINT community_expert_request_state_known;
ALTER TABLE community_expert_request ADD CONSTRAINT community_expert_request_state_known
    CHECK (state IN ('OPEN', 'ANSWERED', 'DECLINED', 'OFFERED', 'SCHEDULED', 'CLOSED'));
