/**
 * Signing in to a running server from a script (the hostile sweep, the import benchmark): a cookie
 * jar, and next-auth's credentials callback with its CSRF token, as the login form does.
 */

/** A client's cookies, by name. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  /** Keeps the cookies a response sets (and forgets those it deletes). */
  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || pair.slice(at + 1) === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1));
    }
  }

  /** The Cookie header, with `override` in place of the cookie of the same name. */
  header(override?: { name: string; value: string }): string {
    const all = new Map(this.cookies);
    if (override) all.set(override.name, override.value);
    return Array.from(all, ([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in through next-auth's credentials callback (with its CSRF token, as the login form does) and
 * keeps the session cookie in the jar; throws when no session cookie comes back.
 */
export async function signIn(baseUrl: string, jar: CookieJar, login: string, password: string): Promise<void> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, login, password, json: 'true' }),
  });
  jar.keep(response);
  await response.body?.cancel();
  if (![...jar.cookies.keys()].some((name) => name.includes('session-token'))) {
    throw new Error(`signing in as ${login} failed (${response.status})`);
  }
}
