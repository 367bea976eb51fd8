-- Second factors (identity/internal/SecondFactors): an authenticator app (TOTP), passkeys
-- (WebAuthn) and one-time recovery codes, plus the organisation's rule on who must have one.

-- One row: whether administrators and programme managers must have a second factor.
CREATE TABLE second_factor_policy (
    id                  INT PRIMARY KEY,
    required_for_staff  BOOLEAN NOT NULL,
    changed_at          TIMESTAMP WITH TIME ZONE,
    changed_by          VARCHAR(254),
    CONSTRAINT second_factor_policy_one_row CHECK (id = 1)
);
INSERT INTO second_factor_policy (id, required_for_staff) VALUES (1, FALSE);

-- The shared secret of an authenticator app (RFC 6238). It counts as a factor once confirmed with a
-- code; last_used_step is the 30-second step of the last accepted code, so a code is never taken twice.
CREATE TABLE totp_factor (
    account_id      BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    secret          VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    last_used_step  BIGINT NOT NULL DEFAULT 0
);

-- Recovery codes, stored as SHA-256 of codes with 80 random bits; each works once.
CREATE TABLE recovery_code (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash   VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, code_hash)
);

-- Passkeys: the tables of Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository (their shipped schema; BYTEA runs on H2 in PostgreSQL mode too).
-- user_entities.name is the account's e-mail.
CREATE TABLE user_entities (
    id            VARCHAR(1000) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX user_entities_by_name ON user_entities (name);

CREATE TABLE user_credentials (
    credential_id                 VARCHAR(1000) NOT NULL,
    user_entity_user_id           VARCHAR(1000) NOT NULL,
    public_key                    BYTEA NOT NULL,
    signature_count               BIGINT,
    uv_initialized                BOOLEAN,
    backup_eligible               BOOLEAN NOT NULL,
    authenticator_transports      VARCHAR(1000),
    public_key_credential_type    VARCHAR(100),
    backup_state                  BOOLEAN NOT NULL,
    attestation_object            BYTEA,
    attestation_client_data_json  BYTEA,
    created                       TIMESTAMP,
    last_used                     TIMESTAMP,
    label                         VARCHAR(1000) NOT NULL,
    PRIMARY KEY (credential_id)
);
CREATE INDEX user_credentials_by_user ON user_credentials (user_entity_user_id);

-- Telling the owner that a factor was removed or a recovery code used is an ACCOUNT notification (V69).
