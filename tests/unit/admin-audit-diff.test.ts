import { describe, expect, it } from 'vitest';
import { diffAuditRecords, formatAuditValue } from '@/lib/admin/audit-log/diff';
import { auditEntityHref } from '@/lib/admin/audit-log/links';
import { parseAuditFilters } from '@/lib/admin/audit-log/validation';

describe('diffAuditRecords', () => {
  it('lists changed, added and removed keys in order and counts the unchanged ones', () => {
    const diff = diffAuditRecords(
      { role: 'customer', disabled: false, name: 'Ada', tags: ['a', 'b'], meta: { x: 1, y: 2 } },
      { role: 'admin', disabled: false, email: 'ada@example.com', tags: ['a', 'b'], meta: { y: 2, x: 1 } },
    );
    expect(diff).toEqual({
      changes: [
        { key: 'email', kind: 'added', before: null, after: 'ada@example.com' },
        { key: 'name', kind: 'removed', before: 'Ada', after: null },
        { key: 'role', kind: 'changed', before: 'customer', after: 'admin' },
      ],
      unchanged: 3,
    });
  });

  it('treats a missing side as empty (creation and deletion)', () => {
    expect(diffAuditRecords(null, { status: 'hidden' }).changes).toEqual([
      { key: 'status', kind: 'added', before: null, after: 'hidden' },
    ]);
    expect(diffAuditRecords({ price: 1999 }, null).changes).toEqual([
      { key: 'price', kind: 'removed', before: '1999', after: null },
    ]);
    expect(diffAuditRecords(null, null)).toEqual({ changes: [], unchanged: 0 });
  });

  it('tells null from a missing key and shows values readably', () => {
    expect(diffAuditRecords({ a: null }, { a: 0 }).changes[0]).toMatchObject({ before: 'null', after: '0' });
    expect(formatAuditValue(true)).toBe('true');
    expect(formatAuditValue({ b: [1] })).toBe('{"b":[1]}');
    expect(formatAuditValue('x'.repeat(500))).toHaveLength(200);
  });
});

describe('auditEntityHref', () => {
  it('links entities that have a page, and only well-formed ids', () => {
    expect(auditEntityHref('user', '42')).toBe('/admin/customers/42');
    expect(auditEntityHref('review', '7')).toBe('/admin/reviews?review=7');
    expect(auditEntityHref('edition', '9')).toBe('/admin/stock/9');
    expect(auditEntityHref('order', 'EN-100123')).toBe('/admin/orders/EN-100123');
    expect(auditEntityHref('order', '12', null, { number: 'EN-100124' })).toBe('/admin/orders/EN-100124');
    expect(auditEntityHref('order', '12')).toBeNull();
    expect(auditEntityHref('order', '12', null, null, 'EN-100125')).toBe('/admin/orders/EN-100125');
    expect(auditEntityHref('return', '5')).toBe('/admin/returns/5');
    expect(auditEntityHref('rental_copy', '3', null, { code: 'R-1', editionId: 8 })).toBe('/admin/rentals/copies/8');
    expect(auditEntityHref('rental_copy', '3', { editionId: 8 }, null)).toBe('/admin/rentals/copies/8');
    expect(auditEntityHref('rental_copy', '3', null, { editionId: '8/../x' })).toBeNull();
    expect(auditEntityHref('user', '../x')).toBeNull();
    expect(auditEntityHref('setting', '1')).toBeNull();
  });
});

describe('parseAuditFilters', () => {
  it('keeps valid filters and reports bad dates per field', () => {
    const { filters, errors } = parseAuditFilters({
      actor: '3',
      entity: 'user',
      action: 'user.',
      from: '2026-01-01',
      to: 'nope',
      page: '2',
    });
    expect(filters).toMatchObject({ actor: 3, entity: 'user', action: 'user.', from: '2026-01-01', page: 2 });
    expect(filters.to).toBeUndefined();
    expect(errors).toEqual({ to: 'invalidDate' });
    expect(parseAuditFilters({ from: '2026-02-01', to: '2026-01-01' }).errors).toEqual({ to: 'order' });
    expect(parseAuditFilters({ actor: 'x', page: '-4' }).filters).toMatchObject({ actor: undefined, page: 1 });
  });
});
