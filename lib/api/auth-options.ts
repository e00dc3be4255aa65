import 'server-only';
import { cookies } from 'next/headers';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider, { type CredentialInput } from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { createSession, resolveOAuthUser, revokeSession } from '@/lib/accounts/mutations';
import { SIGNUP_COOKIE } from '@/lib/accounts/registration';
import { mergeGuestCartInto } from '@/lib/cart/mutations';
import { CART_COOKIE } from '@/lib/cart/queries';
import { env } from '@/lib/env';
import { linkVisitorToUser, VISITOR_COOKIE } from '@/lib/recommendations/signals-store';
import { SESSION_COOKIE, SECURE_COOKIES, SESSION_MAX_AGE } from '@/lib/auth/cookies';
import {
  authorizeCredentials,
  authorizeRegistration,
  type RequestHeaders,
  SIGN_IN_ERRORS,
} from '@/lib/auth/credentials';
import { type GitHubEmail, oauthProfileError, verifiedGitHubEmail } from '@/lib/auth/oauth-checks';
import { safeRedirectPath } from '@/lib/http/redirect';
import { authSecret } from '@/lib/security/auth-secret';
import { trustThisDevice } from '@/lib/auth/trusted-device';

// next-auth reads its own NEXTAUTH_URL for callback and sign-out redirects: it is the store's URL.
// Set here, inside the server, rather than in lib/env.ts, so scripts never pass it on to children.
process.env.NEXTAUTH_URL ??= env.SITE_URL;

export { authorizeCredentials, SIGN_IN_ERRORS };

function oauthProviders() {
  const providers = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(
      GitHubProvider({
        clientId: env.GITHUB_ID,
        clientSecret: env.GITHUB_SECRET,
        // next-auth's default falls back to the primary address whether or not GitHub verified it.
        userinfo: {
          url: 'https://api.github.com/user',
          async request({ client, tokens }) {
            const profile = await client.userinfo(tokens.access_token!);
            if (!profile.email) {
              const response = await fetch('https://api.github.com/user/emails', {
                headers: { Authorization: `token ${tokens.access_token}` },
              });
              profile.email = response.ok
                ? (verifiedGitHubEmail((await response.json()) as GitHubEmail[]) ?? undefined)
                : undefined;
            }
            return profile;
          },
        },
      }),
    );
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  }
  return providers;
}

/**
 * A credentials provider of `fields` and a password; `authorize` gets the posted
 * fields and the request's headers.
 */
function passwordProvider<F extends string>(
  id: string,
  name: string,
  fields: Record<F, CredentialInput>,
  authorize: (credentials: Record<F | 'password', string> | undefined, headers: RequestHeaders) => Promise<User | null>,
) {
  return CredentialsProvider({
    id,
    name,
    credentials: { ...fields, password: { label: 'Password', type: 'password' } },
    authorize: (credentials, request) => authorize(credentials, request.headers ?? {}),
  });
}

/**
 * At sign-in, what the browser did as a guest joins the account: the guest cart merges into the
 * user's cart (quantities summed, capped by stock and the line limit) and the anonymous visitor's
 * signals are linked to the user.
 */
async function adoptVisitorState(userId: number): Promise<void> {
  const store = await cookies();
  await mergeGuestCartInto(userId, store.get(CART_COOKIE)?.value);
  store.delete(CART_COOKIE);
  await linkVisitorToUser(store.get(VISITOR_COOKIE)?.value, userId);
}

/** Names of the OAuth providers switched on by environment variables, for the sign-in page. */
export function enabledOAuthProviders(): { id: 'github' | 'google'; name: string }[] {
  return [
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? [{ id: 'github' as const, name: 'GitHub' }] : []),
    ...(env.GOOGLE_ID && env.GOOGLE_SECRET ? [{ id: 'google' as const, name: 'Google' }] : []),
  ];
}

/**
 * next-auth (v4) with JWT sessions. The token holds only the user id, a session id and the user's
 * session version; lib/auth/session.ts checks all three against the database on every request.
 */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  useSecureCookies: SECURE_COOKIES,
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: SECURE_COOKIES },
    },
  },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    passwordProvider(
      'credentials',
      'Password',
      { login: { label: 'Email or username', type: 'text' } },
      authorizeCredentials,
    ),
    // The link in a registration mail (/verify-email): creates the account and signs it in.
    passwordProvider('registration', 'Email link', { token: { label: 'Link', type: 'text' } }, authorizeRegistration),
    ...oauthProviders(),
  ],
  callbacks: {
    // Only to a path of this store; anything else, malformed included, goes home (next-auth's own
    // callback throws on a callbackUrl that is not a URL, a 500).
    redirect({ url, baseUrl }) {
      const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
      return `${baseUrl}${safeRedirectPath(path)}`;
    },
    // OAuth: an identity already linked signs in; a new identity creates an account, unless its email
    // belongs to an existing account (no takeover by email alone: the owner must link it while signed in).
    async signIn({ account, user, profile }) {
      if (!account || account.type === 'credentials') return true;
      const refused = oauthProfileError(account.provider, profile);
      if (refused) return `/login?error=${refused}`;
      const resolved = await resolveOAuthUser({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: user.email ?? null,
        name: user.name ?? null,
      });
      return resolved.ok ? true : `/login?error=${resolved.error}`;
    },
    async jwt({ token, user, account }) {
      if (!account || !user) return token;
      const userId =
        account.type === 'credentials'
          ? Number(user.id)
          : (
              await resolveOAuthUser({
                provider: account.provider,
                providerAccountId: account.providerAccountId,
                email: null,
                name: null,
              })
            ).userId;
      if (!userId) return token;
      const session = await createSession(userId);
      await adoptVisitorState(userId);
      if (account.type === 'credentials') {
        // This browser proved it knows the password (or owns the mailbox, for a registration link).
        await trustThisDevice(userId);
        if (account.provider === 'registration') (await cookies()).delete(SIGNUP_COOKIE);
      }
      // Only what the server needs to find the session; no name, email or role in the cookie.
      return { sub: String(userId), sid: session.id, sv: session.sessionVersion };
    },
    async session({ session }) {
      return { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await revokeSession(token.sid);
      // The browser starts over with a fresh guest cart: the account's cart stays with the account.
      const store = await cookies();
      store.delete(CART_COOKIE);
    },
  },
};
