import { z } from 'zod';
import { type BrowseFilters, parseBrowseParams } from '@/lib/catalog/validation';
import { HttpError } from '@/lib/http/errors';

/** A product slug as the catalog makes them (lower-case words joined by single hyphens, at most 200). */
export const slugSchema = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** The params of a route under `[slug]`. */
export const slugParams = z.object({ slug: slugSchema });

/** The browse filters of an API query (strict: unknown names too are refused), or a 400 naming the parameter. */
export function browseQuery(request: Request): BrowseFilters {
  const parsed = parseBrowseParams(new URL(request.url).searchParams, { strict: true });
  if (!parsed.ok) throw HttpError.of('invalidRequest', parsed.message, { [parsed.param]: parsed.message });
  return parsed.filters;
}
