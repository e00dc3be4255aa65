import { searchPeople } from '@/lib/admin/catalog/queries';
import { route } from '@/lib/api/route';

// GET /api/admin/products/people?q=: people whose name contains q, for the credit picker. Admins only.
export const GET = route({ auth: 'admin' }, async ({ request, user: admin }) => {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  return Response.json(await searchPeople(admin, q), { headers: { 'Cache-Control': 'private, no-store' } });
});
