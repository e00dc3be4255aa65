import { type Env, env } from '@/lib/env';

/**
 * Where uploads go. Local disk (public/uploads, served at /uploads) unless S3_BUCKET is set; then
 * any S3-compatible store (AWS S3, Cloudflare R2, MinIO, Backblaze B2…), which a serverless host such
 * as Vercel needs because its disk does not persist. The S3_* variables are validated in lib/env.ts.
 */
type StorageEnv = Pick<
  Env,
  'S3_BUCKET' | 'S3_REGION' | 'S3_ENDPOINT' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_PUBLIC_URL'
>;

export type S3Settings = {
  kind: 's3';
  bucket: string;
  region: string;
  /** Set for S3-compatible services: requests go to {endpoint}/{bucket}/{key} (path style). */
  endpoint: string | null;
  accessKeyId: string;
  secretAccessKey: string;
  /** Public objects are read from {publicUrl}/{key}. */
  publicUrl: string;
};
export type LocalSettings = { kind: 'local' };
export type StorageSettings = S3Settings | LocalSettings;

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Storage settings from validated variables (pure, for tests). */
export function storageSettingsFrom(vars: StorageEnv): StorageSettings {
  if (!vars.S3_BUCKET) return { kind: 'local' };
  const region = vars.S3_REGION!;
  const endpoint = vars.S3_ENDPOINT ? trimSlash(vars.S3_ENDPOINT) : null;
  const publicUrl = vars.S3_PUBLIC_URL
    ? trimSlash(vars.S3_PUBLIC_URL)
    : endpoint
      ? `${endpoint}/${vars.S3_BUCKET}`
      : `https://${vars.S3_BUCKET}.s3.${region}.amazonaws.com`;
  return {
    kind: 's3',
    bucket: vars.S3_BUCKET,
    region,
    endpoint,
    accessKeyId: vars.S3_ACCESS_KEY_ID!,
    secretAccessKey: vars.S3_SECRET_ACCESS_KEY!,
    publicUrl,
  };
}

/** The configured storage. */
export function storageSettings(): StorageSettings {
  return storageSettingsFrom(env);
}
