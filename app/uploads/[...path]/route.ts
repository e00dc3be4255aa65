import { connection } from 'next/server';
import { serveLocalUpload } from '@/lib/storage/local';

// GET /uploads/{key}: files uploaded to local storage after the server started (`next start` only
// serves what was in public/ when it started). Whitelisted content types, byte ranges, no sniffing.
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  await connection();
  const { path } = await params;
  return serveLocalUpload(path, request.headers.get('range'));
}
