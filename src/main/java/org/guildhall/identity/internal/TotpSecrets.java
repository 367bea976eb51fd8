package org.guildhall.identity.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keys of authenticator apps as {@code totp_factor} stores them: encrypted with
 * {@link SecretBox} under {@code guildhall.security.encryption-key}, bound to their account. Before
 * the application takes requests it encrypts, in place, every key still stored as plain text or
 * under the development key, and checks that the configured key opens what is stored: a wrong key
 * stops the start with a message instead of failing sign-ins one by one later.
 */
@Component
class TotpSecrets implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);

	private final JdbcClient jdbc;
	private final SecretBox box;

	TotpSecrets(JdbcClient jdbc, @Value("${guildhall.security.encryption-key:}") String key) {
		this.jdbc = jdbc;
		this.box = SecretBox.of(key);
		if (box.isDevelopmentKey()) {
			log.warn("guildhall.security.encryption-key is not set: authenticator app keys are encrypted with the "
					+ "development key, which anyone with the source code has. Fine for the demo and tests; in production set "
					+ "it to 32 random bytes in Base64 (openssl rand -base64 32), see docs/deployment.md");
		}
	}

	String seal(long accountId, String base32) {
		return box.seal(base32, context(accountId));
	}

	String open(long accountId, String stored) {
		return box.open(stored, context(accountId));
	}

	@Override
	public void afterSingletonsInstantiated() {
		int encrypted = encryptStored();
		if (encrypted > 0) {
			log.info("Encrypted {} authenticator app keys that were stored {}", encrypted,
					box.isDevelopmentKey() ? "as plain text" : "as plain text or under the development key");
		}
	}

	/**
	 * Encrypts every key not yet under the configured key (each row changes only if nobody changed it
	 * meanwhile, so nodes starting together do no harm) and opens one that is, to check the key.
	 * Returns how many rows it encrypted.
	 */
	int encryptStored() {
		jdbc.sql("SELECT account_id, secret FROM totp_factor WHERE secret LIKE ? ORDER BY account_id FETCH FIRST 1 ROWS ONLY")
			.param(SecretBox.PREFIX + "%")
			.query((rs, n) -> open(rs.getLong(1), rs.getString(2)))
			.list(); // throws SecretUnreadable when the key is not the one the keys were written with
		record Row(long accountId, String secret) {
		}
		List<Row> rows = jdbc.sql("SELECT account_id, secret FROM totp_factor").query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
			.list();
		int changed = 0;
		for (Row row : rows) {
			if (box.sealedHere(row.secret())) {
				continue;
			}
			String sealed = seal(row.accountId(), open(row.accountId(), row.secret()));
			changed += jdbc.sql("UPDATE totp_factor SET secret = ? WHERE account_id = ? AND secret = ?")
				.params(sealed, row.accountId(), row.secret()).update();
		}
		return changed;
	}

	private static String context(long accountId) {
		return "totp_factor:" + accountId;
	}
}
