import type { Plan } from './import-rows';
import type { ImportIssue, ImportReport, ImportRowResult } from './types';

/**
 * The report of an import or of its dry run, added to one checked chunk at a time. The counts and
 * the numbers of errors and warnings cover every row; the lists hold only the first rows and issues
 * by line (what the page shows), so a 50,000-row file does not make a 50,000-entry answer.
 */
export const REPORT_LIMITS = { rows: 200, issues: 500 } as const;

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

/** Keeps the `limit` entries with the lowest lines, trimming as it goes so it never holds many more. */
class FirstByLine<T extends { line: number }> {
  private items: T[] = [];
  constructor(private readonly limit: number) {}
  add(items: readonly T[]) {
    this.items.push(...items);
    if (this.items.length > this.limit * 2) this.items = this.items.sort(byLine).slice(0, this.limit);
  }
  list(): T[] {
    return this.items.sort(byLine).slice(0, this.limit);
  }
}

export class ReportBuilder {
  private readonly counts: ImportReport['counts'] = {
    rows: 0,
    products: { create: 0, update: 0, unchanged: 0, skip: 0 },
    editions: { create: 0, update: 0, unchanged: 0, skip: 0 },
  };
  private readonly rows = new FirstByLine<ImportRowResult>(REPORT_LIMITS.rows);
  private readonly errors = new FirstByLine<ImportIssue>(REPORT_LIMITS.issues);
  private readonly warnings = new FirstByLine<ImportIssue>(REPORT_LIMITS.issues);
  private errorCount = 0;
  private warningCount = 0;

  addIssues({ errors = [], warnings = [] }: { errors?: ImportIssue[]; warnings?: ImportIssue[] }) {
    this.errors.add(errors);
    this.warnings.add(warnings);
    this.errorCount += errors.length;
    this.warningCount += warnings.length;
  }

  /** A checked (or saved) chunk: what each of its products and rows does, and its issues. */
  addPlan(plan: Plan) {
    this.counts.rows += plan.rowCount;
    const rows: ImportRowResult[] = [];
    for (const group of plan.groups) {
      const productAction = group.valid && group.product ? group.product.action : 'skip';
      const editionsChange = group.rows.some((row) => row.edition && row.edition.action !== 'unchanged');
      // A product whose editions change is touched even when its own columns are the same.
      this.counts.products[productAction === 'unchanged' && editionsChange && group.valid ? 'update' : productAction] +=
        1;
      for (const row of group.rows) {
        const editionAction = group.valid && row.edition ? row.edition.action : 'skip';
        this.counts.editions[editionAction] += 1;
        rows.push({ line: row.line, slug: row.slug, sku: row.sku, product: productAction, edition: editionAction });
      }
    }
    this.rows.add(rows);
    this.addIssues(plan);
  }

  /** Rows that were not checked, their products skipped (counted apart, with countSkippedProducts). */
  addSkipped(rows: { line: number; slug: string; sku: string }[]) {
    this.counts.rows += rows.length;
    this.counts.editions.skip += rows.length;
    this.rows.add(rows.map((row) => ({ ...row, product: 'skip' as const, edition: 'skip' as const })));
  }

  countSkippedProducts(count: number) {
    this.counts.products.skip += count;
  }

  report(): ImportReport {
    return {
      rows: this.rows.list(),
      errors: this.errors.list(),
      warnings: this.warnings.list(),
      errorCount: this.errorCount,
      warningCount: this.warningCount,
      counts: this.counts,
    };
  }
}

/** Adds one batch's report to the running total (the browser, importing batch after batch). */
export function mergeReports(total: ImportReport, part: ImportReport): ImportReport {
  const add = <T extends Record<string, number>>(a: T, b: T) =>
    Object.fromEntries(Object.keys(a).map((key) => [key, (a[key] ?? 0) + (b[key] ?? 0)])) as T;
  const first = <T extends { line: number }>(a: T[], b: T[], limit: number) =>
    [...a, ...b].sort(byLine).slice(0, limit);
  return {
    rows: first(total.rows, part.rows, REPORT_LIMITS.rows),
    errors: first(total.errors, part.errors, REPORT_LIMITS.issues),
    warnings: first(total.warnings, part.warnings, REPORT_LIMITS.issues),
    errorCount: total.errorCount + part.errorCount,
    warningCount: total.warningCount + part.warningCount,
    counts: {
      rows: total.counts.rows + part.counts.rows,
      products: add(total.counts.products, part.counts.products),
      editions: add(total.counts.editions, part.counts.editions),
    },
  };
}

export const emptyReport = (): ImportReport => new ReportBuilder().report();
