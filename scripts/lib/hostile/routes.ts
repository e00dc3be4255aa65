import fs from 'node:fs';
import path from 'node:path';
import { must } from '@/lib/must';

/**
 * The routes of the app, read from the `app/` tree itself (every `page.tsx` and `route.ts`), so that a
 * route added there is swept without editing the sweep. Also turns a build's worker name
 * (`app/[locale]/(store)/products/[slug]/page`, from the server-reference manifest) into the same
 * shape, for server actions.
 */

/** One segment of a route's public URL. */
export type Segment =
  | { type: 'static'; value: string }
  | { type: 'dynamic'; name: string }
  | { type: 'catchAll'; name: string; optional: boolean };

export type RouteTemplate = {
  /** The file, relative to the repository (`app/api/v1/cart/route.ts`). */
  file: string;
  kind: 'page' | 'route';
  /** The public URL pattern: route groups and hidden segments left out (`/products/[slug]`). */
  pattern: string;
  segments: Segment[];
  /** HTTP methods the file answers: a route handler's exported ones; GET for a page. */
  methods: string[];
};

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Dynamic segments that never appear in the public URL. `[locale]` is filled by proxy.ts from the
 * NEXT_LOCALE cookie or Accept-Language and a rewrite (lib/http/routing.ts); the sweep varies those
 * headers instead of the path.
 */
export const HIDDEN_SEGMENTS = new Set(['locale']);

/** Parses one folder name of the app tree into a URL segment, or null for a route group or hidden one. */
export function parseSegment(folder: string): Segment | null {
  if (/^\(.*\)$/.test(folder) || folder.startsWith('@')) return null;
  const optionalCatchAll = /^\[\[\.\.\.(.+)\]\]$/.exec(folder)?.[1];
  if (optionalCatchAll) return { type: 'catchAll', name: optionalCatchAll, optional: true };
  const catchAll = /^\[\.\.\.(.+)\]$/.exec(folder)?.[1];
  if (catchAll) return { type: 'catchAll', name: catchAll, optional: false };
  const dynamic = /^\[(.+)\]$/.exec(folder)?.[1];
  if (dynamic) return HIDDEN_SEGMENTS.has(dynamic) ? null : { type: 'dynamic', name: dynamic };
  return { type: 'static', value: folder };
}

/** The URL segments of a folder path (`[locale]/(store)/products/[slug]`). */
export function parseFolders(folders: string[]): Segment[] {
  return folders.filter((f) => !f.startsWith('_')).flatMap((f) => parseSegment(f) ?? []);
}

/** `/products/[slug]`: the pattern as written in the tree, without groups and hidden segments. */
export function formatPattern(segments: Segment[]): string {
  const parts = segments.map((s) =>
    s.type === 'static'
      ? s.value
      : s.type === 'dynamic'
        ? `[${s.name}]`
        : s.optional
          ? `[[...${s.name}]]`
          : `[...${s.name}]`,
  );
  return `/${parts.join('/')}`;
}

/** The HTTP methods a route handler exports (`export async function GET`, `export { handler as POST }`). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const [, name = ''] of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g))
    found.add(name);
  for (const [, list = ''] of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of list.split(','))
      found.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

/** The extension of the file a generated metadata route (`robots.ts`) answers. */
const GENERATED_EXTENSIONS = { robots: 'txt', sitemap: 'xml', manifest: 'webmanifest' };

/**
 * The URL of a metadata file (https://nextjs.org/docs/app/api-reference/file-conventions/metadata):
 * `robots.ts` answers /robots.txt, `sitemap.ts` /sitemap.xml, `icon.svg` /icon.svg; null for other files.
 */
export function metadataRoute(fileName: string): string | null {
  const generated = /^(robots|sitemap|manifest)\.(ts|js)$/.exec(fileName)?.[1] as
    keyof typeof GENERATED_EXTENSIONS | undefined;
  if (generated) return `${generated}.${GENERATED_EXTENSIONS[generated]}`;
  return /^(robots\.txt|sitemap\.xml|manifest\.(json|webmanifest)|favicon\.ico|(apple-)?icon\.\w+)$/.test(fileName)
    ? fileName
    : null;
}

/** Every page, route handler and metadata route under `appDir`, sorted by pattern. */
export function listRoutes(appDir = path.join(process.cwd(), 'app')): RouteTemplate[] {
  const routes: RouteTemplate[] = [];
  const walk = (dir: string, folders: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        walk(path.join(dir, entry.name), [...folders, entry.name]);
        continue;
      }
      const kind = /^page\.(tsx|ts|jsx|js)$/.test(entry.name)
        ? 'page'
        : /^route\.(ts|js)$/.test(entry.name)
          ? 'route'
          : null;
      const metadata = metadataRoute(entry.name);
      // Folders starting with `_` are private (not routes); app/[locale]/(store)/_browse holds a helper.
      if ((!kind && !metadata) || folders.some((f) => f.startsWith('_'))) continue;
      const file = path.join(dir, entry.name);
      const segments = [...parseFolders(folders), ...(metadata ? [{ type: 'static' as const, value: metadata }] : [])];
      routes.push({
        file: path.relative(path.dirname(appDir), file),
        kind: kind ?? 'route',
        pattern: formatPattern(segments),
        segments,
        methods: kind === 'route' ? exportedMethods(fs.readFileSync(file, 'utf8')) : ['GET'],
      });
    }
  };
  walk(appDir, []);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.kind.localeCompare(b.kind));
}

/**
 * The segments of a build worker (`app/[locale]/(secure)/cart/page`), as the server-reference
 * manifest names the pages an action can be posted to; null for a route handler's worker.
 */
export function workerSegments(worker: string): Segment[] | null {
  const parts = worker.split('/');
  if (parts[0] !== 'app' || parts.at(-1) !== 'page') return null;
  return parseFolders(parts.slice(1, -1));
}

/**
 * Values for the dynamic segments, by key: `products/[slug]` is the `slug` after a `products`
 * segment (see `segmentKey`). Each value is one already percent-encoded URL segment; a catch-all
 * value may hold several (`genre=rock/sort=title`), and an optional catch-all may be `''`.
 */
export type SegmentValues = Record<string, string[]>;

/** Values for a dynamic segment the sweep knows nothing about, so that a new route is still swept. */
export const FALLBACK_VALUES = ['1', 'x'];

/** `products/[slug]`: a dynamic segment's key, its name after the segment before it. */
export function segmentKey(segments: Segment[], index: number): string {
  const previous = segments[index - 1];
  const own = formatPattern([must(segments[index], `segment ${index}`)]).slice(1);
  return previous ? `${formatPattern([previous]).slice(1)}/${own}` : own;
}

/** The real values of the segment at `index` (or the fallback values). */
export function valuesFor(segments: Segment[], index: number, values: SegmentValues): string[] {
  return values[segmentKey(segments, index)] ?? FALLBACK_VALUES;
}

/** The first real value of the segment at `index` (the one every other segment's paths use). */
function firstValue(segments: Segment[], index: number, values: SegmentValues): string {
  return valuesFor(segments, index, values)[0] ?? must(FALLBACK_VALUES[0], 'a fallback value');
}

/** Builds a path from segments, given one value per dynamic segment index. */
export function buildPath(segments: Segment[], pick: (index: number) => string): string {
  const parts = segments.map((s, i) => (s.type === 'static' ? s.value : pick(i))).filter((p) => p !== '');
  return `/${parts.join('/')}`;
}

/** Every path of the route with real values: one per value of each dynamic segment (the others at their first). */
export function realPaths(segments: Segment[], values: SegmentValues): [string, ...string[]] {
  const first = (i: number) => firstValue(segments, i, values);
  const main = buildPath(segments, first);
  const others = new Set<string>();
  segments.forEach((s, index) => {
    if (s.type === 'static') return;
    for (const value of valuesFor(segments, index, values)) {
      others.add(buildPath(segments, (i) => (i === index ? value : first(i))));
    }
  });
  others.delete(main);
  return [main, ...others];
}

/**
 * Paths with one dynamic segment replaced by a hostile value, the others real. A route without
 * dynamic segments gets the hostile value as an extra last segment, which must answer 404.
 */
export function hostilePaths(
  segments: Segment[],
  values: SegmentValues,
  hostile: readonly string[],
): { path: string; value: string }[] {
  const first = (i: number) => firstValue(segments, i, values);
  const dynamic = segments.flatMap((s, i) => (s.type === 'static' ? [] : [i]));
  if (dynamic.length === 0) {
    return hostile.map((value) => ({ path: `${buildPath(segments, first).replace(/\/$/, '')}/${value}`, value }));
  }
  return dynamic.flatMap((index) =>
    hostile.map((value) => ({ path: buildPath(segments, (i) => (i === index ? value : first(i))), value })),
  );
}
