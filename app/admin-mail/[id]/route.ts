import { z } from 'zod';
import { HttpError } from '@/lib/http/errors';
import { route } from '@/lib/api/route';
import { getOutboxMessage } from '@/lib/admin/mail/queries';

const params = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});

// GET /admin-mail/{id}: the HTML of an outbox mail, for admins, in a sandboxed document (no script,
// no same-origin access) so that nothing in a mail can act as the admin.
export const GET = route({ auth: 'admin', params }, async ({ params: { id } }) => {
  const mail = await getOutboxMessage(id);
  if (!mail) throw HttpError.of('notFound', 'not found');
  return new Response(mail.html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:",
      'Cache-Control': 'private, no-store',
    },
  });
});
