import { render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { AuditFilterForm } from '@/components/admin/audit/audit-filter-form';
import { ProductFilters } from '@/components/admin/catalog/product-filters';
import { CustomerFilterForm } from '@/components/admin/customers/customer-list';
import { RangePicker } from '@/components/admin/dashboard/range-picker';
import { ReviewFilterForm } from '@/components/admin/reviews/review-moderation-list';
import { parseDashboardRange } from '@/lib/admin/dashboard/range';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';

function renderIn(locale: Locale, ui: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      {ui}
    </NextIntlClientProvider>,
  );
}

/** The options of a select as [value, text, selected]. */
function options(label: string) {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  return [...select.options].map((option) => [option.value, option.text, option.selected]);
}

/** The Chinese texts of the review moderation page. */
const zh = (MESSAGES.zh as unknown as { admin: { reviews: Record<'status' | 'rating' | 'anyRating', string> } }).admin
  .reviews;

describe('admin filter forms', () => {
  it('offers "any" first, then the choices, with the current filter selected (customers)', () => {
    renderIn('en', <CustomerFilterForm filters={{ q: 'ada', page: 1, role: 'admin' }} filtered />);
    const form = screen.getByRole('search');
    expect(form.getAttribute('action')).toBe('/admin/customers');
    expect(within(form).getByRole('searchbox', { name: 'Search by username, email, name or phone' })).toHaveProperty(
      'value',
      'ada',
    );
    expect(options('Role')).toEqual([
      ['', 'Any role', false],
      ['customer', 'Customer', false],
      ['admin', 'Admin', true],
    ]);
    expect(options('Status')[0]).toEqual(['', 'Any status', true]);
    expect(screen.getByRole('link', { name: 'Clear filters' }).getAttribute('href')).toBe('/admin/customers');
  });

  it('selects a numeric filter by its value and names the choices in Chinese (reviews)', () => {
    renderIn(
      'zh',
      <ReviewFilterForm filters={{ status: 'hidden', product: '', page: 1, rating: 4 }} filtered={false} />,
    );
    const rating = options(zh.rating);
    expect(rating.map(([value]) => value)).toEqual(['', '5', '4', '3', '2', '1']);
    expect(rating.find(([, , selected]) => selected)?.[0]).toBe('4');
    expect(rating[0]?.[1]).toBe(zh.anyRating);
    expect(options(zh.status).find(([, , selected]) => selected)?.[0]).toBe('hidden');
  });

  it('keeps an entity that is not among the options and shows each date error beside its field (audit)', () => {
    renderIn(
      'en',
      <AuditFilterForm
        filters={{ actor: 7, entity: 'gift_card' } as never}
        errors={{ to: 'order' }}
        values={{ from: '2026-05-02', to: '2026-05-01' }}
        options={{ actors: [{ id: 7, name: 'Ada' }], entities: ['order'], actions: [] }}
        filtered
      />,
    );
    expect(options('Admin')).toEqual([
      ['', 'Any admin', false],
      ['7', 'Ada', true],
    ]);
    expect(options('Entity').map(([value, , selected]) => [value, selected])).toEqual([
      ['', false],
      ['order', false],
      ['gift_card', true],
    ]);
    expect(screen.getByLabelText('From')).toHaveProperty('value', '2026-05-02');
    const to = screen.getByLabelText('To');
    expect(to).toHaveProperty('value', '2026-05-01');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBeNull();
  });

  it('names the catalog filters and marks none when nothing is filtered (products)', () => {
    renderIn('en', <ProductFilters filters={{ q: '', kind: 'film' } as never} />);
    expect(screen.getByRole('searchbox', { name: 'Search' }).id).toBe('catalog-q');
    for (const [label, id] of [
      ['Kind', 'catalog-kind'],
      ['Status', 'catalog-status'],
      ['Format', 'catalog-format'],
    ] as const) {
      expect(screen.getByLabelText(label).id).toBe(id);
    }
    expect(options('Kind').find(([, , selected]) => selected)?.[0]).toBe('film');
    expect(options('Status')[0]?.[2]).toBe(true);
  });

  it('shows a custom range with its errors (dashboard)', () => {
    const { range, errors, custom } = parseDashboardRange(
      { from: '2026-03-10', to: '2026-03-01' },
      new Date('2026-04-01T00:00:00Z'),
    );
    renderIn('en', <RangePicker range={range} errors={errors} custom={custom} />);
    const to = screen.getByLabelText('To');
    expect(to).toHaveProperty('value', '2026-03-01');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('From')).toHaveProperty('value', '2026-03-10');
    expect(screen.getByRole('alert').textContent).toMatch(/30/);
  });
});
