import { describe, expect, it } from 'vitest';
import { oauthProfileError, verifiedGitHubEmail } from '@/lib/auth/oauth-checks';

describe('OAuth identities', () => {
  it('requires Google to have verified the address', () => {
    expect(oauthProfileError('google', { email: 'a@example.com', email_verified: true })).toBeNull();
    expect(oauthProfileError('google', { email: 'a@example.com', email_verified: false })).toBe('EmailNotVerified');
    expect(oauthProfileError('google', { email: 'a@example.com' })).toBe('EmailNotVerified');
    expect(oauthProfileError('google', { email: 'a@example.com', email_verified: 'true' })).toBe('EmailNotVerified');
    expect(oauthProfileError('google', undefined)).toBe('EmailNotVerified');
    expect(oauthProfileError('github', {})).toBeNull();
  });

  it('takes only a verified primary GitHub address', () => {
    expect(
      verifiedGitHubEmail([
        { email: 'old@example.com', primary: false, verified: true },
        { email: 'main@example.com', primary: true, verified: true },
      ]),
    ).toBe('main@example.com');
    expect(verifiedGitHubEmail([{ email: 'main@example.com', primary: true, verified: false }])).toBeNull();
    expect(verifiedGitHubEmail([])).toBeNull();
  });
});
