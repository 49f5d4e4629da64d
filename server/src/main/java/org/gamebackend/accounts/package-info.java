/**
 * Accounts: registration, login by username or email, guest login by device, guest upgrade, profiles, JWT access
 * tokens and rotating refresh tokens. Other modules see {@link org.gamebackend.accounts.PlayerId} and the events.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.accounts;
