// npm run test:hostile: the hostile-input sweep. Sends a few thousand malformed requests to a
// production build on a scratch PostgreSQL database, over every page and route handler found in app/
// and every server action of the build, as an anonymous visitor, a signed-in shopper and an admin,
// and fails on any answer ≥ 500 (or none), on a server that died, or on an unhandled error in its log.
// The pieces: scripts/lib/hostile/ (routes.ts finds the routes, inputs.ts makes the hostile inputs,
// actions.ts the action calls, plan.ts puts them together, runner.ts sends them, report.ts sums up).
// Needs DATABASE_URL (a PostgreSQL server: the run creates its own database and drops it).
// Reuses the .next build when there is one (CI builds once, for the e2e tests); --build forces one.
// Flags: --port=N (default 3200), --concurrency=N (default 8), --report=file.json (the whole report).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@/lib/env';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/config';
import { createScratchDatabase, runScript } from './lib/databases';
import { type ServerAction, readServerActions } from './lib/hostile/actions';
import { COMMON_FIELDS, formFieldNames } from './lib/hostile/inputs';
import { actionProbes, type Identity, type Probe, realProbes, routeProbes } from './lib/hostile/plan';
import { loadRealValues } from './lib/hostile/real-values';
import { buildReport, formatReport, isFailure } from './lib/hostile/report';
import { listRoutes, realPaths, type RouteTemplate, type SegmentValues } from './lib/hostile/routes';
import { type Client, isolate, isSignedIn, type Outcome, runAll } from './lib/hostile/runner';
import { CookieJar, signIn } from './lib/sign-in';
import { buildApp, hasBuild, type RunningServer, startServer, throwawayProductionEnv } from './lib/server';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const PORT = Number(flag('port') ?? 3200);
const CONCURRENCY = Number(flag('concurrency') ?? 8);
const REPORT = flag('report');

/** The accounts the sweep signs in as, created on its scratch database. */
const ACCOUNTS = {
  admin: { login: 'admin@encore.test', password: 'encore-admin-demo' },
  shopper: { login: 'shopper@encore.test', password: 'encore-shopper-demo' },
} as const;
const IDENTITIES: Identity[] = ['anonymous', 'shopper', 'admin'];

/** At most this many failures are sent again alone, for their own server log lines. */
const ISOLATE_LIMIT = 300;
/** At most this many form field names (the common ones first, then those the pages' forms have). */
const MAX_FIELDS = 80;

async function main() {
  if (!env.DATABASE_URL) throw new Error('npm run test:hostile needs DATABASE_URL (a PostgreSQL server).');
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-hostile-mail-'));
  const appEnv = { ...throwawayProductionEnv(`http://localhost:${PORT}`, env), MAIL_DIR: mailDir, SMTP_URL: '' };
  const database = await createScratchDatabase(env.DATABASE_URL, 'encore_hostile');
  try {
    Object.assign(appEnv, { DATABASE_URL: database.url });
    await runScript('scripts/db-migrate.ts', [], appEnv);
    await runScript('scripts/db-seed.ts', [], appEnv);
    await runScript('scripts/admin-create.ts', ['--email', ACCOUNTS.admin.login, '--username', 'admin'], {
      ...appEnv,
      ADMIN_PASSWORD: ACCOUNTS.admin.password,
    });
    await runScript('scripts/lib/hostile/seed-shopper.ts', [ACCOUNTS.shopper.login, ACCOUNTS.shopper.password], appEnv);
    if (process.argv.includes('--build') || !hasBuild()) await buildApp(appEnv);
    const values = await loadRealValues(database.url);
    const server = await startServer(PORT, appEnv);
    const started = performance.now();
    let serverExit: number | null = null;
    let outcomes: Outcome[];
    try {
      outcomes = await sweep(server, values);
    } finally {
      await new Promise((r) => setTimeout(r, 1000)); // let the last log lines arrive
      serverExit = server.child.exitCode;
      await server.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const report = buildReport(outcomes, server.log(), { seconds, serverExit });
    console.log(formatReport(report));
    if (REPORT) fs.writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
    if (report.failures.length > 0 || report.serverProblems.length > 0) process.exitCode = 1;
  } finally {
    await database.drop();
    fs.rmSync(mailDir, { recursive: true, force: true });
  }
}

/** Signs in, sends the real requests, then the hostile ones, then the action calls. */
async function sweep(server: RunningServer, values: SegmentValues): Promise<Outcome[]> {
  const client: Client = {
    baseUrl: server.url,
    jars: { anonymous: new CookieJar(), shopper: new CookieJar(), admin: new CookieJar() },
    log: server.log,
    timeoutMs: 60_000,
  };
  const routes = listRoutes();
  const actions = readServerActions();
  console.log(`Sweeping ${routes.length} routes of app/ and ${actions.length} server actions of the build.`);
  await signIn(server.url, client.jars.shopper, ACCOUNTS.shopper.login, ACCOUNTS.shopper.password);
  await signIn(server.url, client.jars.admin, ACCOUNTS.admin.login, ACCOUNTS.admin.password);
  await fillCarts(client, actions, values);

  const all: Outcome[] = [];
  const progress = (outcome: Outcome) => {
    all.push(outcome);
    if (all.length % 500 === 0) console.log(`  ${all.length} requests…`);
  };
  const run = (probes: Probe[]) => runAll(client, probes, CONCURRENCY, progress);

  // 1. Real requests: which routes each identity reaches, and the form fields of the pages.
  // The anonymous visitor also in every other language (the hidden [locale] segment).
  const real = await run(
    IDENTITIES.flatMap((identity) =>
      realProbes(
        routes,
        values,
        identity,
        identity === 'anonymous' ? { locales: LOCALES, localeCookie: LOCALE_COOKIE } : {},
      ),
    ),
  );
  const fields = [...new Set([...COMMON_FIELDS, ...real.flatMap((o) => formFieldNames(o.text ?? ''))])].slice(
    0,
    MAX_FIELDS,
  );

  // 2. Hostile paths, query strings, bodies, methods, cookies and headers.
  await run(
    IDENTITIES.flatMap((identity) =>
      routeProbes(routes, values, identity, {
        deep: deepPatterns(routes, real, identity),
        fields,
        cookieNames: [...client.jars[identity].cookies.keys(), LOCALE_COOKIE],
        thorough: identity === 'anonymous',
      }),
    ),
  );

  // 3. The server actions, one at a time, called by the anonymous visitor and by each signed-in
  // identity that can open a page using it. An action may end a session ("sign out everywhere"):
  // sign in again before the next one.
  let thorough = true;
  for (const action of actions) {
    if (server.child.exitCode !== null) break;
    const [url] = realPaths(action.page, values);
    const callers = IDENTITIES.filter(
      (identity) =>
        identity === 'anonymous' ||
        (!action.cached && real.some((o) => o.probe.identity === identity && o.probe.url === url && o.status === 200)),
    );
    for (const identity of callers) {
      if (identity !== 'anonymous' && !(await isSignedIn(server.url, client.jars[identity]))) {
        await signIn(server.url, client.jars[identity], ACCOUNTS[identity].login, ACCOUNTS[identity].password);
      }
    }
    const probes = await Promise.all(
      callers.map((identity) =>
        actionProbes(action, values, identity, { fields, thorough: thorough && identity === 'anonymous' }),
      ),
    );
    thorough = false;
    await run(probes.flat());
  }

  // 4. Each failure again, alone (the first of each route or action and input), so that the server
  // log lines around it are its own: with requests in parallel, they interleave.
  await isolate(client, all, isFailure, ISOLATE_LIMIT);
  return all;
}

/**
 * The patterns an identity sweeps in depth: all for an anonymous visitor; for a signed-in one, those
 * it can open (a real request answered 200) and an anonymous visitor cannot.
 */
function deepPatterns(routes: RouteTemplate[], real: Outcome[], identity: Identity): Set<string> {
  if (identity === 'anonymous') return new Set(routes.map((r) => r.pattern));
  const anonymous = new Map(
    real
      .filter((o) => o.probe.identity === 'anonymous' && o.probe.kind === 'real')
      .map((o) => [o.probe.url, o.status] as const),
  );
  return new Set(
    real
      .filter((o) => o.probe.identity === identity && o.status === 200 && anonymous.get(o.probe.url) !== 200)
      .map((o) => o.probe.target),
  );
}

/**
 * Puts an edition in every identity's cart through the real add-to-cart action, so that cart and
 * checkout pages render a cart and the cart cookie is among those the sweep breaks.
 */
async function fillCarts(client: Client, actions: ServerAction[], values: SegmentValues) {
  const addToCart = actions.find((a) => a.name.endsWith('#addToCartAction'));
  const editionId = Number(values['stock/[editionId]']?.[0]);
  if (!addToCart || !editionId) return;
  const [url] = realPaths(addToCart.page, values);
  for (const identity of IDENTITIES) {
    const jar = client.jars[identity];
    const home = await fetch(`${client.baseUrl}/`, { headers: { cookie: jar.header() } });
    jar.keep(home);
    await home.body?.cancel();
    const added = await fetch(`${client.baseUrl}${url}`, {
      method: 'POST',
      headers: {
        'next-action': addToCart.id,
        'content-type': 'text/plain',
        accept: 'text/x-component',
        origin: client.baseUrl,
        cookie: jar.header(),
      },
      body: JSON.stringify([editionId, 1]),
    });
    jar.keep(added);
    await added.body?.cancel();
    if (added.status !== 200) console.warn(`Adding to the ${identity}'s cart answered ${added.status}.`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
