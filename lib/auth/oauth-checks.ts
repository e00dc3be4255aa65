/** What an OAuth provider must vouch for before its identity may sign in or create an account. */

export type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/** The GitHub address an account may use: the primary one, and only once GitHub has verified it. */
export function verifiedGitHubEmail(emails: GitHubEmail[]): string | null {
  return emails.find((e) => e.primary && e.verified)?.email ?? null;
}

/**
 * Why an OAuth sign-in is refused before any account is looked at, or null. Google must vouch for
 * the address (`email_verified: true` in its ID token): an unverified address could belong to
 * someone else, and would then hold that person's address in this store.
 */
export function oauthProfileError(provider: string, profile: unknown): 'EmailNotVerified' | null {
  if (provider !== 'google') return null;
  return (profile as { email_verified?: unknown } | undefined)?.email_verified === true ? null : 'EmailNotVerified';
}
