import { fireEvent, render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { ProductTable } from '@/components/admin/catalog/product-table';
import type { AdminProductRow } from '@/lib/admin/catalog/types';
import { MESSAGES } from '@/lib/i18n/messages';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: vi.fn() }) }));
vi.mock('@/lib/actions/admin/catalog', () => ({ updateProductsStatusAction: vi.fn() }));

const row = (id: number, title: string, more: Partial<AdminProductRow> = {}): AdminProductRow => ({
  id,
  slug: `p-${id}`,
  title,
  originalTitle: null,
  kind: 'album',
  status: 'active',
  editionCount: 1,
  formats: ['cd'],
  minPriceMinor: 1299,
  maxPriceMinor: 1299,
  stock: 4,
  coverUrl: null,
  updatedAt: '2026-05-01T10:00:00Z',
  ...more,
});

describe('ProductTable', () => {
  it('lists the products in a captioned table with a checkbox per row and one for all', () => {
    render(
      <NextIntlClientProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
        <ProductTable
          items={[row(1, 'Neon Harbour'), row(2, 'Quiet Film', { kind: 'film', formats: [], status: 'draft' })]}
          currency="EUR"
          locale="en"
        />
      </NextIntlClientProvider>,
    );
    const table = screen.getByRole('table', { name: 'Products, newest change first' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers.slice(1, 3)).toEqual(['Product', 'Kind']);
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByRole('link', { name: 'Neon Harbour' }).getAttribute('href')).toBe('/admin/products/1');
    expect(second!.textContent).toContain('No editions');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Quiet Film' }));
    expect(second!.className).toContain('bg-brand-50/40');
    expect(first!.className).not.toContain('bg-brand-50/40');
    expect(screen.getByText('1 product selected')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all products on this page' }));
    expect(screen.getByText('2 products selected')).toBeTruthy();
  });
});
