import { render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { WorkQueues } from '@/components/admin/dashboard/dashboard-sections';
import { MESSAGES } from '@/lib/i18n/messages';

const order = (number: string) => ({
  number,
  email: `${number}@example.invalid`,
  totalMinor: 2599,
  currency: 'EUR',
  createdAt: new Date('2026-05-01T10:00:00Z'),
  paidAt: new Date('2026-05-01T10:05:00Z'),
  reviewReason: null,
});

describe('WorkQueues', () => {
  it('names each queue, says what it holds, and shows its first rows or what an empty one says', () => {
    render(
      <NextIntlClientProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
        <WorkQueues
          lowStockThreshold={3}
          dashboard={{
            waitingToShip: { items: [order('EN-1'), order('EN-2')], total: 5 },
            needsReview: { items: [], total: 0 },
            openReturns: { items: [], total: 0 },
            lowStock: { items: [], total: 0 },
          }}
        />
      </NextIntlClientProvider>,
    );
    const ship = screen.getByRole('region', { name: 'Waiting to ship' });
    expect(within(ship).getByText('Paid orders with physical items, oldest first.')).toBeTruthy();
    expect(within(ship).getByText('5 in all')).toBeTruthy();
    expect(within(ship).getByRole('link', { name: 'EN-2' }).getAttribute('href')).toBe('/admin/orders/EN-2');
    const stock = screen.getByRole('region', { name: 'Low stock' });
    expect(within(stock).getByText('Active physical editions with 3 or fewer in stock.')).toBeTruthy();
    expect(within(stock).getByText('Every physical edition has more than 3 in stock.')).toBeTruthy();
    expect(within(stock).queryByRole('table')).toBeNull();
    expect(document.getElementById('queue-stock')?.textContent).toBe('Low stock');
    expect(document.getElementById('queue-ship')?.textContent).toBe('Waiting to ship');
  });
});
