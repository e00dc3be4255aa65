import 'server-only';
import { cookies } from 'next/headers';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { createSession, resolveOAuthUser, revokeSession } from '@/lib/accounts/mutations';
import { findSignInAccount } from '@/lib/accounts/queries';
import { normalizeKey } from '@/lib/accounts/normalize';
import { verifyPassword } from '@/lib/accounts/passwords';
import { mergeGuestCartInto } from '@/lib/cart/mutations';
import { CART_COOKIE } from '@/lib/cart/queries';
import { env } from '@/lib/env';
import { linkVisitorToUser, VISITOR_COOKIE } from '@/lib/recommendations/signals-store';
import { clientIp } from '@/lib/security/client-ip';
import { consumeRateLimits, LIMITS } from '@/lib/security/rate-limit';
import { SESSION_COOKIE, SECURE_COOKIES, SESSION_MAX_AGE } from './cookies';
import { authSecret } from './secret';

// next-auth reads its own NEXTAUTH_URL for callback and sign-out redirects: it is the store's URL.
// Set here, inside the server, rather than in lib/env.ts, so scripts never pass it on to children.
process.env.NEXTAUTH_URL ??= env.SITE_URL;

/** Errors the sign-in form can show. Unknown account, wrong password and disabled account look the same. */
export const SIGN_IN_ERRORS = { invalid: 'CredentialsSignin', throttled: 'TooManyAttempts' } as const;

type Headers = Record<string, string | string[] | undefined>;

/**
 * Checks an email-or-username and password. Counts the attempt against the account and the client
 * IP first; an unknown account verifies a dummy hash so it takes as long as a wrong password.
 */
export async function authorizeCredentials(
  credentials: { login?: unknown; password?: unknown } | undefined,
  headers: Headers,
): Promise<{ id: string } | null> {
  const login = typeof credentials?.login === 'string' ? credentials.login.slice(0, 320) : '';
  const password = typeof credentials?.password === 'string' ? credentials.password : '';
  const ip = clientIp(headers);
  const { allowed } = await consumeRateLimits([
    LIMITS.signInAccount(normalizeKey(login)),
    ip ? LIMITS.signInIp(ip) : null,
  ]);
  if (!allowed) throw new Error(SIGN_IN_ERRORS.throttled);
  const account = login && password ? await findSignInAccount(login) : null;
  const valid = await verifyPassword(account?.passwordHash, password.slice(0, 4096));
  if (!account || !valid || account.disabled) return null;
  return { id: String(account.id) };
}

function oauthProviders() {
  const providers = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  }
  return providers;
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
    CredentialsProvider({
      id: 'credentials',
      name: 'Password',
      credentials: {
        login: { label: 'Email or username', type: 'text' },
        password: { label: 'Password', type: 'password' },
      },
      authorize: (credentials, request) => authorizeCredentials(credentials, request.headers ?? {}),
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    // OAuth: an identity already linked signs in; a new identity creates an account, unless its email
    // belongs to an existing account (no takeover by email alone: the owner must link it while signed in).
    async signIn({ account, user }) {
      if (!account || account.provider === 'credentials') return true;
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
        account.provider === 'credentials'
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
