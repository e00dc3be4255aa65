import { getCurrentUser } from '@/lib/auth/session';
import { jsonOk } from '@/lib/http/json';

// GET /api/v1/me: the signed-in user (name and role only), or null. Never cached.
export async function GET() {
  const user = await getCurrentUser();
  return jsonOk(
    { user: user ? { username: user.username, displayName: user.displayName, role: user.role } : null },
    { cache: 'private' },
  );
}
