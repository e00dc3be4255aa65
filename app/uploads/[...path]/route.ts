import { connection } from 'next/server';
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { serveLocalUpload } from '@/lib/storage/local';

// GET /uploads/{key}: files uploaded to local storage after the server started (`next start` only
// serves what was in public/ when it started). Whitelisted content types, byte ranges, no sniffing.
// Keys are random (lib/admin/catalog/uploads-keys.ts): nothing here names a product.
export const GET = route(
  { params: z.object({ path: z.array(z.string()).min(1).max(8) }) },
  async ({ request, params }) => {
    await connection();
    return serveLocalUpload(params.path, request.headers.get('range'));
  },
);
