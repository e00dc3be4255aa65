import { requestRegistration } from '@/lib/accounts/registration';
import { jsonError } from '@/lib/http/json';
import { requestLocale } from '@/lib/i18n/server';
import { clientIp } from '@/lib/security/client-ip';

// POST /api/v1/auth/register {username, email, password, displayName?}: starts a registration. The
// account is created when the link mailed to the address is followed (lib/accounts/registration.ts).
// 202 {status: 'verificationSent'} whether or not the address already has an account; 400
// {error, fieldErrors[, passwordFeedback]} with message keys; 429 when rate-limited.
export async function POST(request: Request) {
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
  const result = await requestRegistration(body, {
    ip: clientIp(request.headers),
    locale: await requestLocale(),
    browserSecret: null,
  });
  if (result.ok) return Response.json({ status: 'verificationSent' }, { status: 202 });
  if (result.fieldErrors.form === 'throttled') {
    return Response.json(
      { error: { message: 'too many registrations, try again later' } },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds ?? 60) } },
    );
  }
  return Response.json(
    {
      error: { message: 'invalid fields' },
      fieldErrors: result.fieldErrors,
      passwordFeedback: result.passwordFeedback,
    },
    { status: 400 },
  );
}
