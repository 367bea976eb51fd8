-- Failed sign-ins, per throttle key: 'pair:<e-mail>|<address>', 'device:<e-mail>|<device>',
-- 'account:<e-mail>' and 'address:<address>' (see identity/internal/SignInRateLimiter). Kept in the
-- database so that every node applies the same limits.
CREATE TABLE sign_in_throttle (
    throttle_key     VARCHAR(400) PRIMARY KEY,
    failures         INT NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_throttle_by_time ON sign_in_throttle (last_failure_at);

-- Browsers that have signed in to an account before: their own attempts are counted apart, so
-- that a stranger's wrong passwords never lock the owner out of a device they use.
CREATE TABLE sign_in_device (
    device_id     VARCHAR(64) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (device_id, email)
);

-- Warnings about one's own account are a notification category of their own (always e-mailed).
ALTER TABLE notification DROP CONSTRAINT notification_category_known;
ALTER TABLE notification ADD CONSTRAINT notification_category_known CHECK (category IN ('MENTORING', 'COMMUNITY', 'ACCOUNT'));
