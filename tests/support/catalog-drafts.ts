import { emptyEdition } from '@/components/admin/catalog/editor-state';
import type { EditionDraft } from '@/lib/admin/catalog/drafts';

/** An edition as the product editor sends it: an active CD, 9.99, no optional field filled, changed by `overrides`. */
export function editionDraft(overrides: Partial<EditionDraft> = {}): EditionDraft {
  // The editor's empty edition without its browser-only key and read-only facts.
  const { key: _key, stock: _stock, locked: _locked, ...empty } = emptyEdition('cd');
  return { ...empty, sku: 'new-cd', discCount: '1', price: '9.99', status: 'active', ...overrides };
}
