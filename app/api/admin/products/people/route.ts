import { adminRoute } from '@/lib/admin/guard';
import { searchPeople } from '@/lib/admin/catalog/queries';

// GET /api/admin/products/people?q=: people whose name contains q, for the credit picker. Admins only.
export async function GET(request: Request) {
  return adminRoute(async (admin) => {
    const q = new URL(request.url).searchParams.get('q') ?? '';
    return Response.json(await searchPeople(admin, q), { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
