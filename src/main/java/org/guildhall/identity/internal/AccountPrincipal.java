package org.guildhall.identity.internal;

import java.util.Collection;
import java.util.List;

import org.guildhall.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account, as Spring Security and the other modules see it. */
class AccountPrincipal implements UserDetails, CredentialsContainer, CurrentUser.HasCurrentUser {

	private static final long serialVersionUID = 1L;


	private final CurrentUser user;
	private @Nullable String passwordHash;
	private final boolean enabled;

	AccountPrincipal(CurrentUser user, @Nullable String passwordHash, boolean enabled) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	@Override
	public CurrentUser currentUser() {
		return user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(user);
	}

	static List<SimpleGrantedAuthority> authorities(CurrentUser user) {
		return user.roles().stream().sorted().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.email();
	}

	@Override
	public boolean isEnabled() {
		return enabled && passwordHash != null;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + user.email() + "]";
	}
}
