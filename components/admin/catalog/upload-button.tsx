'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';

export type UploadedImage = { url: string; thumbnailUrl: string; width: number; height: number };
export type UploadedClip = { url: string; contentType: string };

const LIMITS = { image: 15 * 1024 * 1024, clip: 50 * 1024 * 1024 } as const;
const ACCEPT = {
  image: 'image/jpeg,image/png,image/webp,image/gif,image/avif',
  clip: 'audio/mpeg,audio/ogg,audio/wav,video/mp4,video/webm',
} as const;

/**
 * A button that picks a file and uploads it to /api/admin/products/uploads (a route handler: a
 * server action could not take more than 1 MB). The server checks the file by its bytes, resizes
 * images and answers a URL; errors show beside the button.
 */
export function UploadButton<K extends 'image' | 'clip'>({
  kind,
  label,
  multiple = false,
  onUploaded,
}: {
  kind: K;
  label: string;
  multiple?: boolean;
  onUploaded: (result: K extends 'image' ? UploadedImage : UploadedClip) => void;
}) {
  const t = useTranslations('admin.catalog.upload');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setError(null);
    setPending(true);
    try {
      for (const file of Array.from(files)) {
        if (file.size > LIMITS[kind]) {
          setError(t('tooLarge', { name: file.name, limit: LIMITS[kind] / 1024 / 1024 }));
          continue;
        }
        let response: Response;
        try {
          response = await fetch(`/api/admin/products/uploads?kind=${kind}`, {
            method: 'POST',
            body: file,
            headers: { 'content-type': file.type || 'application/octet-stream' },
          });
        } catch {
          setError(t('network', { name: file.name }));
          continue;
        }
        const result = (await response.json().catch(() => null)) as
          ({ ok: true } & (UploadedImage | UploadedClip)) | { error?: { code?: string } } | null;
        if (response.ok && result && 'ok' in result) {
          onUploaded(result as never);
        } else {
          const code = result && 'error' in result ? result.error?.code : undefined;
          const key = code && t.has(`errors.${code}`) ? code : 'failed';
          setError(t(`errors.${key}`, { name: file.name, limit: LIMITS[kind] / 1024 / 1024 }));
        }
      }
    } finally {
      setPending(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div>
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPT[kind]}
        multiple={multiple}
        onChange={(event) => void upload(event.currentTarget.files)}
      />
      <button
        type="button"
        onClick={() => input.current?.click()}
        disabled={pending}
        aria-busy={pending || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="inline-flex min-h-9 items-center gap-2 rounded-md px-3 text-sm font-medium ring-1 ring-inset ring-stone-300 hover:bg-stone-100 disabled:opacity-60"
      >
        {pending && (
          <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
        )}
        {pending ? t('uploading') : label}
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-brand-700">
          {error}
        </p>
      )}
    </div>
  );
}
