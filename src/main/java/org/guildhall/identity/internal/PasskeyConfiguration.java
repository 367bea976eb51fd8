package org.guildhall.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.guildhall.shared.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Passkeys with Spring Security's WebAuthn support: users and credentials in the database through
 * its JDBC repositories; the relying party id and the origins pages are served from come from
 * {@code guildhall.security.webauthn.*} (they must match the address people type). User
 * verification (PIN or biometrics on the device) is required, so a passkey sign-in stands for both
 * factors.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository users,
			SecondFactors factors) {
		return new AuditedCredentials(new JdbcUserCredentialRepository(jdbc), users, factors);
	}

	@Bean
	WebAuthnRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
			@Value("${guildhall.security.webauthn.rp-id:localhost}") String rpId,
			@Value("${guildhall.security.webauthn.rp-name:Guildhall}") String rpName,
			@Value("${guildhall.security.webauthn.allowed-origins:http://localhost:8080}") List<String> origins) {
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(users, credentials,
				PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build(), allowedOrigins(origins));
		operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
			.residentKey(ResidentKeyRequirement.REQUIRED).userVerification(UserVerificationRequirement.REQUIRED).build()));
		operations.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return operations;
	}

	static Set<String> allowedOrigins(List<String> origins) {
		return origins.stream().map(String::strip).filter(o -> !o.isEmpty()).map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Signs in with a passkey as the account itself (the pages need our principal, not Spring's
	 * user entity), with its roles and the WebAuthn factor.
	 */
	static AuthenticationProvider passkeySignIn(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService accounts) {
		WebAuthnAuthenticationProvider webAuthn = new WebAuthnAuthenticationProvider(relyingParty, accounts);
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				Authentication verified = webAuthn.authenticate(authentication);
				UserDetails account = accounts.loadUserByUsername(verified.getName());
				if (!(account instanceof AccountPrincipal principal) || !principal.isEnabled()) {
					throw new DisabledException("Account disabled");
				}
				return SecondStep.fullySignedIn(principal, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
			}

			@Override
			public boolean supports(Class<?> type) {
				return webAuthn.supports(type);
			}
		};
	}

	/** Spring Security's credential store, telling the audit trail when a passkey is added. */
	private record AuditedCredentials(UserCredentialRepository store, PublicKeyCredentialUserEntityRepository users,
			SecondFactors factors) implements UserCredentialRepository {

		/**
		 * Spring Security's own {@code DELETE /webauthn/register/{id}} goes the way of the Security
		 * page: only one's own passkey, never the last factor while one is required, audited and told.
		 */
		@Override
		public void delete(Bytes credentialId) {
			factors.removePasskey(CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first")),
					credentialId.toBase64UrlString());
		}

		@Override
		public void save(CredentialRecord record) {
			boolean added = store.findByCredentialId(record.getCredentialId()) == null;
			store.save(record);
			if (added) {
				PublicKeyCredentialUserEntity user = users.findById(record.getUserEntityUserId());
				if (user != null) {
					factors.passkeyAdded(user.getName(), record.getLabel());
				}
			}
		}

		@Override
		public CredentialRecord findByCredentialId(Bytes credentialId) {
			return store.findByCredentialId(credentialId);
		}

		@Override
		public List<CredentialRecord> findByUserId(Bytes userId) {
			return store.findByUserId(userId);
		}
	}
}
