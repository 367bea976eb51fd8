package org.guildhall.identity;

import java.util.Set;

/** An account to create, for someone in the directory or for an administrator who is not. */
public record NewAccount(String email, String displayName, Set<Role> roles) {
}
