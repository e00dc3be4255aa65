import { getCurrentUser } from '@/lib/auth/session';
import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';

// GET /api/v1/me: the signed-in user (name and role only), or null. Never cached.
export const GET = route({}, async () => {
  const user = await getCurrentUser();
  return jsonOk(
    { user: user ? { username: user.username, displayName: user.displayName, role: user.role } : null },
    { cache: 'private' },
  );
});
