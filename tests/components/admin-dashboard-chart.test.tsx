import { render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { RevenueChart } from '@/components/admin/dashboard/revenue-chart';
import { MESSAGES } from '@/lib/i18n/messages';
import { first } from '@/tests/support/lists';

const points = [
  { day: '2001-03-01', orders: 2, revenueMinor: 7000 },
  { day: '2001-03-02', orders: 0, revenueMinor: 0 },
  { day: '2001-03-03', orders: 1, revenueMinor: 4000 },
];

function renderChart(locale: 'en' | 'zh', data = points) {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      <RevenueChart points={data} currency="USD" />
    </NextIntlClientProvider>,
  );
}

describe('RevenueChart', () => {
  it('gives assistive technology the numbers as a table, and hides the drawing', () => {
    const { container } = renderChart('en');
    const table = screen.getByRole('table', { name: 'Revenue and paid orders per day, Mar 1, 2001 to Mar 3, 2001' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'DayOrdersRevenue',
      'Mar 1, 20012$70.00',
      'Mar 2, 20010$0.00',
      'Mar 3, 20011$40.00',
    ]);
    expect(table.className).toContain('sr-only');
    const drawing = container.querySelector('svg')!.closest('[aria-hidden]');
    expect(drawing).not.toBeNull();
    // One bar per day in each chart, scaled to the tallest.
    const revenueBars = first(Array.from(container.querySelectorAll('svg')), 'chart').querySelectorAll('rect');
    expect(revenueBars).toHaveLength(3);
    expect(Array.from(revenueBars).map((bar) => Number(bar.getAttribute('height')))).toEqual([70, 0, 40]);
    expect(screen.queryByText('No paid orders in this range.')).toBeNull();
  });

  it('says so when there is nothing to draw, in Chinese too', () => {
    renderChart(
      'zh',
      points.map((point) => ({ ...point, orders: 0, revenueMinor: 0 })),
    );
    expect(screen.getByText('该范围内没有已付款订单。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '每日收入与订单' })).toBeTruthy();
  });
});
