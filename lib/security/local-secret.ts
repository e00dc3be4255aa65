import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * A secret for the embedded demo database only, generated once and kept beside it in `.data/` (mode
 * 0600), so `npm run demo` needs no setup. With a PostgreSQL server in production the callers require
 * their environment variable instead.
 */
export function localSecretFile(name: string, generate: () => string): string {
  const file = path.join(path.dirname(path.resolve(env.PGLITE_DIR.replace(/^memory:\/\//, '.data/memory'))), name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': if another process (a build worker) wrote it first, keep theirs.
      fs.writeFileSync(file, generate(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}
