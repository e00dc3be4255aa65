import { z } from 'zod';
import { requestRegistration } from '@/lib/accounts/registration';
import { HttpError } from '@/lib/http/errors';
import { route } from '@/lib/api/route';
import { requestLocale } from '@/lib/i18n/server';
import { clientIp } from '@/lib/security/client-ip';

// POST /api/v1/auth/register {username, email, password, displayName?}: starts a registration. The
// account is created when the link mailed to the address is followed (lib/accounts/registration.ts).
// 202 {status: 'verificationSent'} whether or not the address already has an account; 400
// invalidRequest with `fields` (message keys); 429 throttled. Same-site JSON only (lib/api/route.ts).
export const POST = route({ body: z.looseObject({}) }, async ({ request, body }) => {
  const result = await requestRegistration(body, {
    ip: clientIp(request.headers),
    locale: await requestLocale(),
    browserSecret: null,
  });
  if (result.ok) return Response.json({ status: 'verificationSent' }, { status: 202 });
  if (result.fieldErrors.form === 'throttled') {
    throw HttpError.throttled('too many registrations, try again later', result.retryAfterSeconds ?? 60);
  }
  throw HttpError.of('invalidRequest', 'invalid fields', result.fieldErrors);
});
