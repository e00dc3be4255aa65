import { csvExportStream } from '@/lib/admin/catalog/export';
import { readAdminProductFilters } from '@/lib/admin/catalog/validation';
import { route } from '@/lib/api/route';

// GET /api/admin/products/export.csv?q=&kind=&status=&format=: products × editions as CSV (one row
// per edition), UTF-8 with a byte-order mark so Excel reads Chinese and Japanese titles correctly.
// Streamed in batches; admins only.
export const GET = route({ auth: 'admin' }, async ({ request, user: admin }) => {
  const { page: _page, ...filters } = readAdminProductFilters(Object.fromEntries(new URL(request.url).searchParams));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csvExportStream(admin, filters), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="encore-products-${day}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
