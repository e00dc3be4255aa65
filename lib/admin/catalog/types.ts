import type { Page } from '@/lib/admin/paging';
import type { CreditDraft, EditionDraft, FieldErrors, ProductDraft } from './drafts';

/** Shapes the admin catalog pages and components share. Types only. */

export type AdminProductRow = {
  id: number;
  slug: string;
  title: string;
  originalTitle: string | null;
  kind: 'album' | 'film' | 'series' | 'game';
  status: 'draft' | 'active' | 'archived';
  editionCount: number;
  formats: string[];
  minPriceMinor: number | null;
  maxPriceMinor: number | null;
  /** Units on hand over the physical editions (the ledger's sum). */
  stock: number;
  coverUrl: string | null;
  updatedAt: string;
};

export type AdminProductList = Page<AdminProductRow>;

/**
 * An edition in the editor: the draft plus read-only facts. Stock is the ledger's sum, never edited
 * here; `locked` editions (ordered, or with stock history) cannot be removed, only archived.
 */
export type EditorEdition = EditionDraft & { stock: number; locked: boolean };
export type EditorCredit = CreditDraft & { personName: string; personSlug: string };

export type ProductEditorData = Omit<ProductDraft, 'editions' | 'credits'> & {
  editions: EditorEdition[];
  credits: EditorCredit[];
};

export type GenreOption = { id: number; slug: string; name: string; nameZh: string };
export type PersonOption = { id: number; slug: string; name: string; originalName: string | null };

export type ActionState<T = Record<never, never>> =
  ({ ok: true } & T) | { ok: false; fieldErrors?: FieldErrors; error?: string } | null;

/** One problem in an import file: the file's line, the column (when it is about one) and a message key. */
export type ImportIssue = { line: number; column: string | null; message: string; params?: Record<string, string> };

export type ImportRowResult = {
  line: number;
  slug: string;
  sku: string;
  /** What happens to the product and to the edition of this row; `skip` when the product has errors. */
  product: 'create' | 'update' | 'unchanged' | 'skip';
  edition: 'create' | 'update' | 'unchanged' | 'skip';
};

/**
 * What an import (or its dry run) did or would do. `counts`, `errorCount` and `warningCount` cover
 * every row; `rows`, `errors` and `warnings` list only the first ones by line (REPORT_LIMITS).
 */
export type ImportReport = {
  rows: ImportRowResult[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  errorCount: number;
  warningCount: number;
  counts: {
    rows: number;
    products: { create: number; update: number; unchanged: number; skip: number };
    editions: { create: number; update: number; unchanged: number; skip: number };
  };
};
