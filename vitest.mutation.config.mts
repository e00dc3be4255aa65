import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.mts';

/**
 * The tests `npm run test:mutation` (Stryker, stryker.config.json) runs against each mutant: the unit
 * and integration tests of the money and stock paths, as one project (Stryker's vitest runner
 * wants a single one). The fault-injection file is left out: it runs every operation dozens of times
 * and would make each mutant take minutes. `MUTATION_TESTS=unit` keeps only the unit tests, for
 * `npm run test:mutation:pure` (the pure money maths, in minutes rather than hours).
 */
const integration = base.test!.projects![2] as { test: Record<string, unknown> };
const unit = [
  'tests/unit/checkout-payment-window.test.ts',
  'tests/unit/checkout-pricing.test.ts',
  'tests/unit/returns-amounts.test.ts',
  'tests/unit/admin-orders.test.ts',
];
const unitOnly = process.env.MUTATION_TESTS === 'unit';

export default mergeConfig(
  { resolve: base.resolve, plugins: base.plugins },
  defineConfig({
    test: unitOnly
      ? { include: unit, environment: 'node' }
      : {
          ...integration.test,
          name: undefined,
          include: [
            ...unit,
            'tests/integration/checkout.test.ts',
            'tests/integration/unpaid-limits.test.ts',
            'tests/integration/stripe.test.ts',
            'tests/integration/admin-orders.test.ts',
            'tests/integration/admin-returns.test.ts',
            'tests/integration/returns-limits.test.ts',
            'tests/integration/refunds.test.ts',
            'tests/integration/rentals-checkout.test.ts',
          ],
        },
  }),
);
