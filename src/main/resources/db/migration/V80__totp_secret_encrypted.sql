-- TOTP secrets are kept encrypted (identity/internal/SecretBox: AES-GCM, "v1:" or "dev1:" followed by
-- Base64 of nonce and ciphertext), which is longer than the 32 Base32 characters of the plain secret.
-- Rows written before are encrypted in place when the application starts (TotpSecretEncryption).
ALTER TABLE totp_factor ALTER COLUMN secret SET DATA TYPE VARCHAR(200);
