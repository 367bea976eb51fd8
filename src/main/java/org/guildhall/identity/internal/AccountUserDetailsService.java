package org.guildhall.identity.internal;

import org.guildhall.identity.IdentityManagement;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks accounts up by e-mail for form sign-in. */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final IdentityManagement identity;

	AccountUserDetailsService(IdentityManagement identity) {
		this.identity = identity;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return identity.credentials(email)
			.map(c -> new AccountPrincipal(c.user(), c.passwordHash(), c.enabled()))
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}
}
