/**
 * Links that carry a secret (a password reset token, an order's access key) are never written to
 * the outbox. A template's data holds a `SecretLink` instead: a description of the link with nothing
 * secret in it. Delivery turns it into the real URL at the moment the mail is sent
 * (lib/mail/deliver.ts), and anything that shows a stored mail to staff (the admin viewer) renders it
 * as a hidden link (lib/mail/layout.ts `HIDDEN_LINK`). So the outbox, its backups and every admin
 * hold no link that signs anyone in or opens anyone's order.
 */
export type SecretLink =
  /** The order page with its access key (lib/orders/access.ts), made when the mail is sent. */
  | { secretLink: 'order'; orderId: number; number: string }
  /**
   * A one-time password reset link for the mail's user, issued when the mail is sent, and only if
   * the account still has the recipient's address and the session version it had when the link was
   * asked for (a password change or "sign out everywhere" in between cancels the mail).
   */
  | { secretLink: 'passwordReset'; sessionVersion: number }
  /**
   * The link that confirms a registration's address (lib/accounts/registration.ts): a new token is
   * issued when the mail is sent, and only the latest one works; none once the registration expired.
   */
  | { secretLink: 'registration'; registrationId: number };

export const secretLinks = {
  order: (orderId: number, number: string): SecretLink => ({ secretLink: 'order', orderId, number }),
  passwordReset: (sessionVersion: number): SecretLink => ({ secretLink: 'passwordReset', sessionVersion }),
  registration: (registrationId: number): SecretLink => ({ secretLink: 'registration', registrationId }),
};

/** Template data as `enqueueMail` takes it: any text field may hold a `SecretLink` instead of a URL. */
export type WithSecretLinks<T> = { [P in keyof T]: T[P] extends string ? T[P] | SecretLink : T[P] };

export function isSecretLink(value: unknown): value is SecretLink {
  return typeof value === 'object' && value !== null && 'secretLink' in value;
}

/**
 * Replaces each secret link in `data` with what `resolve` makes of it. Returns null when `resolve`
 * returns null for any of them: the link can no longer be made, and the mail must not go out.
 */
export async function resolveSecretLinks<T>(
  data: WithSecretLinks<T>,
  resolve: (link: SecretLink) => string | null | Promise<string | null>,
): Promise<T | null> {
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    if (!isSecretLink(value)) {
      resolved[name] = value;
      continue;
    }
    const url = await resolve(value);
    if (url === null) return null;
    resolved[name] = url;
  }
  return resolved as T;
}

// A URL query parameter that carries a secret: `?key=` (order access), `?token=` (reset, verification).
const LIVE_SECRET = /[?&](key|token)=/i;

/**
 * The path of the first text in `data` that looks like a link with a secret in it (`orderUrl`,
 * `lines.0.title`…), or null. `enqueueMail` refuses such data: pass a `SecretLink` instead.
 */
export function findLiveSecret(data: unknown, path = ''): string | null {
  if (typeof data === 'string') return LIVE_SECRET.test(data) ? path || '(data)' : null;
  if (typeof data !== 'object' || data === null || isSecretLink(data)) return null;
  for (const [name, value] of Object.entries(data)) {
    const found = findLiveSecret(value, path ? `${path}.${name}` : name);
    if (found) return found;
  }
  return null;
}
