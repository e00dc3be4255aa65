import { z } from 'zod';
import { safeString, text } from '@/lib/validation/text';

/** Reasons staff may give for a stock change (the ledger's other reasons come from orders). */
export const ADJUST_REASONS = ['restock', 'damaged', 'correction'] as const;
export type AdjustReason = (typeof ADJUST_REASONS)[number];

/** The largest change one adjustment may make, to catch a mistyped extra digit. */
export const MAX_DELTA = 100_000;

export const STOCK_HISTORY_PAGE_SIZE = 25;
export const STOCK_LIST_PAGE_SIZE = 30;

/** The columns the stock list sorts by (`?sort=…&dir=asc|desc`); lowest stock first by default. */
export const STOCK_SORTS = ['product', 'sku', 'stock'] as const;
export type StockSort = { key: (typeof STOCK_SORTS)[number]; dir: 'asc' | 'desc' };
export const DEFAULT_STOCK_SORT: StockSort = { key: 'stock', dir: 'asc' };

/**
 * A stock adjustment: a signed change ("+12", "-2", "5"), a reason and a note. Restocks add, damage
 * takes away, a correction goes either way and needs a note saying why. Applied as a delta, so a sale
 * made while the form was open still counts.
 */
export const adjustStockSchema = z
  .object({
    editionId: z.coerce.number().int().positive().max(2_147_483_647),
    reason: z.enum(ADJUST_REASONS, { error: 'reasonRequired' }),
    delta: safeString()
      .trim()
      .min(1, 'deltaRequired')
      .regex(/^[+-]?\s*\d{1,6}$/, 'deltaInvalid')
      .transform((value) => Number(value.replace(/\s+/g, '')))
      .refine((value) => value !== 0, 'deltaZero')
      .refine((value) => Math.abs(value) <= MAX_DELTA, 'deltaTooLarge'),
    note: text(500, { multiline: true }).optional().default(''),
  })
  .superRefine((value, context) => {
    if (value.reason === 'restock' && value.delta < 0) {
      context.addIssue({ code: 'custom', path: ['delta'], message: 'restockPositive' });
    }
    if (value.reason === 'damaged' && value.delta > 0) {
      context.addIssue({ code: 'custom', path: ['delta'], message: 'damagedNegative' });
    }
    if (value.reason === 'correction' && value.note.length < 3) {
      context.addIssue({ code: 'custom', path: ['note'], message: 'noteRequired' });
    }
  });

export type AdjustStockInput = z.infer<typeof adjustStockSchema>;

export type StockFilter = 'all' | 'low' | 'out';
