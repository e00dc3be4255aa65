import { describe, expect, it } from 'vitest';
import { mergeReports, emptyReport, REPORT_LIMITS } from '@/lib/admin/catalog/import-report';
import type { ImportReport } from '@/lib/admin/catalog/types';

describe('mergeReports', () => {
  const report = (firstLine: number, count: number): ImportReport => ({
    ...emptyReport(),
    rows: Array.from({ length: count }, (_, i) => ({
      line: firstLine + i,
      slug: 's',
      sku: 'S',
      product: 'create' as const,
      edition: 'create' as const,
    })),
    errors: Array.from({ length: count }, (_, i) => ({
      line: firstLine + i,
      column: 'price',
      message: 'priceInvalid',
    })),
    errorCount: count,
    counts: { ...emptyReport().counts, rows: count },
  });

  it('adds up the counts and keeps the first rows and errors by line, up to the limits', () => {
    const total = mergeReports(mergeReports(emptyReport(), report(1_000, 400)), report(2, 400));
    expect(total.counts.rows).toBe(800);
    expect(total.errorCount).toBe(800);
    expect(total.errors).toHaveLength(REPORT_LIMITS.issues);
    expect(total.errors[0]?.line).toBe(2);
    expect(total.errors.at(-1)?.line).toBe(1_000 + (REPORT_LIMITS.issues - 400) - 1);
    expect(total.rows.map((r) => r.line)).toEqual(Array.from({ length: REPORT_LIMITS.rows }, (_, i) => i + 2));
  });
});
