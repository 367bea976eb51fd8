package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** AES-GCM boxes for secrets the server reads back: what is stored, and what happens with the wrong key. */
class SecretBoxTest {

	private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	@Test
	void aSealedSecretNeverShowsThePlainOneAndOpensAgainOnlyWithItsKeyAndContext() {
		SecretBox box = SecretBox.of(randomKey());
		String sealed = box.seal(SECRET, "totp_factor:7");
		assertThat(sealed).startsWith("v1:").doesNotContain(SECRET);
		assertThat(box.seal(SECRET, "totp_factor:7")).as("a new nonce each time").isNotEqualTo(sealed);
		assertThat(box.open(sealed, "totp_factor:7")).isEqualTo(SECRET);
		assertThat(box.sealedHere(sealed)).isTrue();

		assertThatThrownBy(() -> SecretBox.of(randomKey()).open(sealed, "totp_factor:7"))
			.isInstanceOf(SecretBox.SecretUnreadable.class).hasMessageContaining("not the key the secret was written with");
		assertThatThrownBy(() -> box.open(sealed, "totp_factor:8")).as("copied to another account's row")
			.isInstanceOf(SecretBox.SecretUnreadable.class);
		String altered = sealed.substring(0, sealed.length() - 6) + (sealed.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
		assertThatThrownBy(() -> box.open(altered, "totp_factor:7")).isInstanceOf(SecretBox.SecretUnreadable.class);
	}

	@Test
	void withoutAConfiguredKeyTheDevelopmentKeyIsUsedAndAConfiguredKeyReadsItsValues() {
		SecretBox development = SecretBox.of("");
		assertThat(development.isDevelopmentKey()).isTrue();
		String sealed = development.seal(SECRET, "totp_factor:1");
		assertThat(sealed).startsWith("dev1:").doesNotContain(SECRET);

		SecretBox configured = SecretBox.of(randomKey());
		assertThat(configured.sealedHere(sealed)).as("to be encrypted again under the configured key").isFalse();
		assertThat(configured.open(sealed, "totp_factor:1")).isEqualTo(SECRET);
		assertThat(configured.open(SECRET, "totp_factor:1")).as("plain text from before encryption").isEqualTo(SECRET);

		// a value under a configured key, read after the key was taken out of the configuration
		String underKey = configured.seal(SECRET, "totp_factor:1");
		assertThatThrownBy(() -> development.open(underKey, "totp_factor:1")).isInstanceOf(SecretBox.SecretUnreadable.class)
			.hasMessageContaining("guildhall.security.encryption-key, which is not set now");
	}

	@Test
	void aKeyThatIsNotThirtyTwoBytesOfBase64StopsTheStart() {
		assertThatThrownBy(() -> SecretBox.of("not base64 at all!")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("is not Base64");
		assertThatThrownBy(() -> SecretBox.of(Base64.getEncoder().encodeToString(new byte[16])))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("must be 32 bytes (256 bits) in Base64, not 16 bytes");
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}
}
