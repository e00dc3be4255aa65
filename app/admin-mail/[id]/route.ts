import { AuthError } from '@/lib/auth/errors';
import { getOutboxMessage } from '@/lib/mail/queries';

// GET /admin-mail/{id}: the HTML of an outbox mail, for admins, in a sandboxed document (no script,
// no same-origin access) so that nothing in a mail can act as the admin.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const mail = /^\d{1,9}$/.test(id) ? await getOutboxMessage(Number(id)) : null;
    if (!mail) return new Response('Not found', { status: 404 });
    return new Response(mail.html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy':
          "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:",
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof AuthError)
      return new Response('Forbidden', { status: error.reason === 'unauthenticated' ? 401 : 403 });
    throw error;
  }
}
