import { registerUser } from '@/lib/accounts/mutations';
import { jsonError } from '@/lib/http/json';
import { requestLocale } from '@/lib/i18n/server';
import { clientIp } from '@/lib/security/client-ip';
import { consumeRateLimits, LIMITS } from '@/lib/security/rate-limit';

// POST /api/v1/auth/register {username, email, password, displayName?}: creates a customer account.
// 201 {user}, 400 {error, fieldErrors} with message keys, 429 when rate-limited.
export async function POST(request: Request) {
  const ip = clientIp(request.headers);
  const limit = ip ? await consumeRateLimits([LIMITS.registerIp(ip)]) : { allowed: true, retryAfterSeconds: 0 };
  if (!limit.allowed) {
    return Response.json(
      { error: { message: 'too many registrations, try again later' } },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  }
  const raw = await request.text();
  if (raw.length > 16_384) return jsonError(413, 'request body too large');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return jsonError(400, 'the body must be JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return jsonError(400, 'the body must be a JSON object');
  const result = await registerUser(body, await requestLocale());
  if (!result.ok) {
    return Response.json({ error: { message: 'invalid fields' }, fieldErrors: result.fieldErrors }, { status: 400 });
  }
  const { username } = body as { username: string };
  return Response.json({ user: { id: result.userId, username: String(username).trim() } }, { status: 201 });
}
