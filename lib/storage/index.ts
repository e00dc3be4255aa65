import 'server-only';
import { storageSettings } from './config';
import { createLocalStorage } from './local';
import { createS3Storage } from './s3';
import type { StorageAdapter } from './types';

export { StorageError } from './types';
export type { ByteRange, StorageAdapter } from './types';

let adapter: StorageAdapter | null = null;

/** The configured storage: S3-compatible when S3_BUCKET is set, else local disk (public/uploads). */
export function storage(): StorageAdapter {
  if (!adapter) {
    const settings = storageSettings();
    adapter = settings.kind === 's3' ? createS3Storage(settings) : createLocalStorage();
  }
  return adapter;
}

/** For tests: use another adapter (null goes back to the configured one). */
export function setStorage(replacement: StorageAdapter | null): void {
  adapter = replacement;
}

/** Stores bytes under `key` and returns their public URL. */
export function putObject(key: string, bytes: Uint8Array, contentType: string): Promise<{ url: string }> {
  return storage().putObject(key, bytes, contentType);
}

/** Deletes the object under `key` (a missing one is fine). */
export function deleteObject(key: string): Promise<void> {
  return storage().deleteObject(key);
}
