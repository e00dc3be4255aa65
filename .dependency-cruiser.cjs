// @ts-check
/**
 * The allowed directions between the domains of lib/ (README, "How the code fits together"), checked by
 * `npm run lint` (dependency-cruiser). Written down once, here: a domain imports only domains in a
 * lower tier, never one in its own tier or above, so there is no cycle between domains.
 *
 * Entry points are the exception: server actions (`lib/<domain>/actions.ts`,
 * `lib/actions/account.ts`), next-auth's configuration (`lib/api/auth-options.ts`) and the route
 * handlers' wrapper (`lib/api/route.ts`, which authenticates) are the request boundary, like app/:
 * they may call any domain, and no domain module imports them.
 */
const TIERS = [
  ['env.ts', 'must.ts', 'seeded-random.ts'],
  ['money', 'i18n', 'validation'], // foundation: formatting, languages, the shared text rule
  ['http', 'security', 'storage', 'audit'], // foundation: request helpers, keys and rate limits, files, the audit log
  ['catalog'], // products, editions, people, prices, search over them
  ['inventory', 'payments', 'mail'], // stock tables, payment provider adapters, the outbox
  ['accounts'], // users, addresses, registration, passwords
  ['auth'], // sessions and sign-in
  ['cart', 'reviews', 'wishlist'],
  ['recommendations'],
  ['orders'], // order lifecycle, payment events, returns, refunds
  ['rentals'], // rental copies, rentals, due dates, late fees, deposit refunds (orders and payments below it)
  ['library'], // digital library: entitlements (granted by the order lifecycle), files, download links and counts
  ['checkout'],
  ['privacy', 'jobs', 'admin'], // cross-domain work: data export and deletion, background jobs, back office
];

const ENTRY = '^lib/(actions|api)/';
const domainPath = (name) => (name.endsWith('.ts') ? `^lib/${name.replace('.', '\\.')}$` : `^lib/${name}/`);

/** For each tier: its domains may not import a domain of the same or a higher tier. */
const layerRules = TIERS.flatMap((tier, level) =>
  tier.map((name) => ({
    name: `layers-${name}`,
    comment: `lib/${name} may import only: ${TIERS.slice(0, level).flat().join(', ') || 'nothing in lib'}`,
    severity: /** @type {const} */ ('error'),
    from: { path: domainPath(name), pathNot: ENTRY },
    to: {
      path: TIERS.slice(level)
        .flat()
        .filter((other) => other !== name)
        .map(domainPath),
    },
  })),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'entry-points-are-not-imported',
      comment: 'Server actions and lib/api are called from app/ (and each other), never from a domain.',
      severity: 'error',
      from: { path: '^lib/', pathNot: ENTRY },
      to: { path: ENTRY },
    },
    {
      name: 'lib-does-not-import-the-ui',
      severity: 'error',
      from: { path: '^(lib|db)/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'db-imports-only-schemas',
      comment:
        'db/ opens the database and holds the migrations; it reads the tables (lib/*/schema.ts) and the ' +
        'environment only. db/seed is the exception: the embedded database loads the demo catalog on ' +
        'its first open (db/prepare.ts), through the domain functions that keep the search index and ' +
        'recommendations right.',
      severity: 'error',
      from: { path: '^db/', pathNot: '^db/seed/' },
      to: { path: '^lib/', pathNot: ['^lib/[^/]+/schema\\.ts$', '^lib/[^/]+/search/schema\\.ts$', '^lib/env\\.ts$'] },
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself back through others.',
      severity: 'error',
      from: { path: '^(lib|db|app|components)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|db/migrations)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
