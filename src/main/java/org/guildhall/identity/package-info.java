/**
 * Identity: accounts and their roles, sign-in with e-mail and password, personal access tokens for
 * the API, first-administrator setup and the audit trail.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.identity;
