import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { type StorageAdapter, storage } from '@/lib/storage';
import { storageSettings } from '@/lib/storage/config';
import { createLocalStorage } from '@/lib/storage/local';

let adapter: StorageAdapter | null = null;

/**
 * Where the library's files are kept. Never public: on local disk a folder outside public/
 * (LIBRARY_FILES_DIR, `.data/library-files`), which only the download route reads; with S3 the
 * configured bucket, whose `library/` keys must not be publicly readable (the route hands out
 * presigned URLs of 5 minutes instead — README, "Digital library").
 */
export function libraryStorage(): StorageAdapter {
  if (!adapter) {
    adapter = storageSettings().kind === 's3' ? storage() : createLocalStorage(path.resolve(env.LIBRARY_FILES_DIR));
  }
  return adapter;
}

/** For tests: use another adapter (null goes back to the configured one). */
export function setLibraryStorage(replacement: StorageAdapter | null): void {
  adapter = replacement;
}
