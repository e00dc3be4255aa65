import { type ActionCall, hostileActionCalls, type ServerAction } from './actions';
import {
  type BodyVariant,
  type CookieVariant,
  HOSTILE_ACCEPT_LANGUAGES,
  HOSTILE_SEGMENTS,
  hostileBodies,
  hostileCookies,
  hostileQueries,
} from './inputs';
import { must } from '@/lib/must';
import { HTTP_METHODS, hostilePaths, realPaths, type RouteTemplate, type SegmentValues } from './routes';

/**
 * What the sweep sends: probes built from the routes, the actions and the hostile inputs, for each
 * identity. Anonymous visitors get everything; a signed-in shopper and admin get the bodies, the
 * cookies, the actions of the pages they can open, and the hostile paths and query strings of every
 * route that lets them in but not an anonymous visitor (their account pages, the back office, their
 * API), where their session reaches code an anonymous request never does.
 */

export type Identity = 'anonymous' | 'shopper' | 'admin';

export type Probe = {
  identity: Identity;
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** What the probe is about, for the summary: a route pattern or an action's name. */
  target: string;
  /** Which hostile input it carries (`real` for a plain request with real values). */
  kind: string;
  body?: BodyVariant;
  headers?: Record<string, string>;
  /** Replaces the identity's cookie of that name for this request. */
  cookie?: CookieVariant;
};

/** Segments tried in the path of a route without dynamic segments (which must answer 404). */
const STATIC_ROUTE_SEGMENTS = ['%00', '%E0%A4%A', '%', 'x'.repeat(5000)];

/**
 * Real GETs of every route, to run first: their answers tell which routes an identity reaches. The
 * hidden `[locale]` segment is filled by the proxy from the locale cookie: each of `locales` (the
 * default first, sent without a cookie) gets its own request.
 */
export function realProbes(
  routes: RouteTemplate[],
  values: SegmentValues,
  identity: Identity,
  { locales = [], localeCookie = '' }: { locales?: readonly string[]; localeCookie?: string } = {},
): Probe[] {
  return routes
    .filter((r) => r.methods.includes('GET'))
    .flatMap((r) =>
      realPaths(r.segments, values).flatMap((url): Probe[] => [
        { identity, method: 'GET', url, target: r.pattern, kind: 'real' },
        ...locales.slice(1).map((locale) => ({
          identity,
          method: 'GET',
          url,
          target: r.pattern,
          kind: `real-${locale}`,
          cookie: { kind: `locale-${locale}`, cookie: `${localeCookie}=${locale}` },
        })),
      ]),
    );
}

/**
 * Every hostile probe of the routes for an identity. `deep` lists the patterns to sweep with hostile
 * paths, query strings, methods and form posts (all of them for anonymous visitors); `thorough` adds
 * what only needs sending once per run (huge bodies, broken multipart, extra path segments on static
 * routes).
 */
export function routeProbes(
  routes: RouteTemplate[],
  values: SegmentValues,
  identity: Identity,
  {
    deep,
    fields,
    cookieNames,
    thorough,
  }: { deep: Set<string>; fields: readonly string[]; cookieNames: readonly string[]; thorough: boolean },
): Probe[] {
  const probes: Probe[] = [];
  const add = (route: RouteTemplate, probe: Omit<Probe, 'identity' | 'target'>) =>
    probes.push({ identity, target: route.pattern, ...probe });
  const queries = hostileQueries(fields);
  const bodies = hostileBodies(fields).filter((b) => thorough || !b.huge);
  const plainJson = bodies.find((b) => b.kind === 'json-nul')!;

  const pageBodies = bodies.filter((b) => b.kind === 'multipart-nul' || b.kind === 'form-nul');
  // Broken multipart bodies fail in Next's own parser, the same for every page: one page gets them.
  const brokenMultipart = bodies.filter((b) => b.kind.startsWith('multipart-') && !pageBodies.includes(b));
  let firstPage = true;

  for (const route of routes) {
    const [url] = realPaths(route.segments, values);
    const hasDynamic = route.segments.some((s) => s.type !== 'static');
    const gets = route.methods.includes('GET');
    // Bodies for every method of a route handler that takes one, whoever sends them.
    for (const method of route.methods.filter((m) => m !== 'GET' && m !== 'HEAD')) {
      for (const body of bodies) add(route, { method, url, kind: body.kind, body });
    }
    // A route outside `deep` answers this identity as it answers anyone: only its bodies are swept.
    if (!deep.has(route.pattern)) continue;
    if (hasDynamic || thorough) {
      const segments = hasDynamic ? HOSTILE_SEGMENTS : STATIC_ROUTE_SEGMENTS;
      for (const { path, value } of hostilePaths(route.segments, values, segments)) {
        add(route, {
          method: gets ? 'GET' : must(route.methods[0], `a method of ${route.pattern}`),
          url: path,
          kind: `segment ${value.slice(0, 24)}`,
        });
      }
    }
    if (gets) for (const q of queries) add(route, { method: 'GET', url: `${url}?${q.query}`, kind: q.kind });
    if (route.kind === 'page') {
      // A form post that is no action call; the broken ones once.
      const posts = thorough && firstPage ? [...pageBodies, ...brokenMultipart] : pageBodies;
      for (const body of posts) add(route, { method: 'POST', url, kind: body.kind, body });
      firstPage = false;
    }
    // Methods the route does not have.
    for (const method of HTTP_METHODS.filter((m) => !route.methods.includes(m) && m !== 'HEAD' && m !== 'PATCH')) {
      add(route, {
        method,
        url,
        kind: 'method',
        body: method === 'OPTIONS' || method === 'GET' ? undefined : plainJson,
      });
    }
  }

  // Malformed cookies and Accept-Language headers: each on three routes spread over the list.
  const pages = routes.filter((r) => r.methods.includes('GET'));
  const headerProbes: Omit<Probe, 'identity' | 'target'>[] = [
    ...hostileCookies(cookieNames).map((cookie) => ({ method: 'GET', url: '', kind: cookie.kind, cookie })),
    ...HOSTILE_ACCEPT_LANGUAGES.map((language) => ({
      method: 'GET',
      url: '',
      kind: 'accept-language',
      headers: { 'accept-language': language },
    })),
  ];
  headerProbes.forEach((probe, j) => {
    for (const offset of [0, 1, 2]) {
      const route = must(pages[(j + Math.floor((offset * pages.length) / 3)) % pages.length], 'a page to probe');
      add(route, { ...probe, url: realPaths(route.segments, values)[0] });
    }
  });
  return probes;
}

/** Hostile calls of one action, posted to a page that uses it. */
export async function actionProbes(
  action: ServerAction,
  values: SegmentValues,
  identity: Identity,
  { fields, thorough }: { fields: readonly string[]; thorough: boolean },
): Promise<Probe[]> {
  const [url] = realPaths(action.page, values);
  const calls: ActionCall[] = await hostileActionCalls(action, fields, { thorough });
  return calls.map((call): Probe => ({
    identity,
    method: 'POST',
    url,
    target: action.name,
    kind: call.kind,
    body: call.body,
    headers: call.fetchCall ? { 'next-action': action.id, accept: 'text/x-component' } : undefined,
  }));
}
