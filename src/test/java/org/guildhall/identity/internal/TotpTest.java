package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The codes of RFC 6238 (its appendix B test vectors), the ±1 step window and RFC 4648 Base32. */
class TotpTest {

	private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
		.getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest(name = "T = {0}")
	@CsvSource({
			"59,          94287082, 46119246, 90693936",
			"1111111109,  07081804, 68084774, 25091201",
			"1111111111,  14050471, 67062674, 99943326",
			"1234567890,  89005924, 91819424, 93441116",
			"2000000000,  69279037, 90698825, 38618901",
			"20000000000, 65353130, 77737706, 47863826" })
	void theRfcTestVectors(long seconds, String sha1, String sha256, String sha512) {
		long step = Totp.step(Instant.ofEpochSecond(seconds));
		assertThat(Totp.of(8, "HmacSHA1").code(SHA1_KEY, step)).isEqualTo(sha1);
		assertThat(Totp.of(8, "HmacSHA256").code(SHA256_KEY, step)).isEqualTo(sha256);
		assertThat(Totp.of(8, "HmacSHA512").code(SHA512_KEY, step)).isEqualTo(sha512);
	}

	@Test
	void appsShowTheLastSixDigitsAndACodeIsTakenOneStepEitherSideButNoFurther() {
		Instant at = Instant.ofEpochSecond(1111111111);
		long step = Totp.step(at);
		assertThat(Totp.standard().code(SHA1_KEY, step)).isEqualTo("050471");

		Totp totp = Totp.standard();
		assertThat(totp.matchingStep(SHA1_KEY, "050471", at)).isEqualTo(step);
		assertThat(totp.matchingStep(SHA1_KEY, "050 471", at.plusSeconds(30))).as("from the step before").isEqualTo(step);
		assertThat(totp.matchingStep(SHA1_KEY, "050471", at.minusSeconds(30))).as("from the step after").isEqualTo(step);
		assertThat(totp.matchingStep(SHA1_KEY, "050471", at.plusSeconds(60))).as("two steps late").isEqualTo(-1);
		assertThat(totp.matchingStep(SHA1_KEY, "050472", at)).isEqualTo(-1);
		assertThat(totp.matchingStep(SHA1_KEY, "05047", at)).isEqualTo(-1);
		assertThat(totp.matchingStep(SHA1_KEY, "abcdef", at)).isEqualTo(-1);
	}

	@Test
	void base32AsInRfc4648() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.base32("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
		assertThat(new String(Totp.fromBase32("mzxw 6ytb oi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
		assertThat(Totp.fromBase32(Totp.base32(SHA512_KEY))).isEqualTo(SHA512_KEY);
	}

	@Test
	void theAddressForTheQrCodeNamesIssuerAccountAndParameters() {
		assertThat(Totp.keyUri("Guildhall", "ann+x@example.com", "ABCD"))
			.isEqualTo("otpauth://totp/Guildhall:ann%2Bx%40example.com?secret=ABCD&issuer=Guildhall&algorithm=SHA1&digits=6&period=30");
	}
}
