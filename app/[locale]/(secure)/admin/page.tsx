import { connection } from 'next/server';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { RevenueChart } from '@/components/admin/dashboard/revenue-chart';
import { RangePicker } from '@/components/admin/dashboard/range-picker';
import { StatCards, TopSales, WorkQueues } from '@/components/admin/dashboard/dashboard-sections';
import { getDashboard, LOW_STOCK_THRESHOLD } from '@/lib/admin/dashboard/queries';
import { type DateRange, dayStart, parseDashboardRange } from '@/lib/admin/dashboard/range';
import { adminOrForbidden } from '@/lib/auth/guards';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.dashboard');

/** /admin: sales over a date range (?range=7|30|90 or ?from&to), best sellers and the work queues. */
export default async function AdminDashboardPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  // The layout checks too, but renders alongside this page: a visitor or customer must never reach the queries.
  await adminOrForbidden('/admin');
  // "Today" is per request: the default range moves with the clock.
  await connection();
  const { range, errors, custom } = parseDashboardRange(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.dashboard' });
  const format = await getFormatter({ locale });
  const day = (value: string) => format.dateTime(dayStart(value), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <div className="space-y-5">
      <header>
        <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
      </header>
      <RangePicker range={range} errors={errors} custom={custom} />
      <Suspense key={`${range.from}:${range.to}`} fallback={<DashboardSkeleton />}>
        <DashboardBody
          range={range}
          intro={(currency) => t('intro', { from: day(range.from), to: day(range.to), currency })}
        />
      </Suspense>
      <p className="text-xs text-stone-500">{t('definition')}</p>
    </div>
  );
}

async function DashboardBody({ range, intro }: { range: DateRange; intro: (currency: string) => string }) {
  const dashboard = await getDashboard(range);
  return (
    <div className="space-y-5">
      <p className="text-sm text-stone-600" aria-live="polite">
        {intro(dashboard.currency)}
      </p>
      <StatCards totals={dashboard.totals} currency={dashboard.currency} />
      <RevenueChart points={dashboard.series} currency={dashboard.currency} />
      <TopSales dashboard={dashboard} />
      <WorkQueues dashboard={dashboard} lowStockThreshold={LOW_STOCK_THRESHOLD} />
    </div>
  );
}

function DashboardSkeleton() {
  return (
    <div aria-hidden className="animate-pulse space-y-5">
      <div className="h-4 w-72 rounded bg-stone-100" />
      <div className="grid gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((index) => (
          <div key={index} className="h-20 rounded-xl border border-stone-200 bg-white" />
        ))}
      </div>
      <div className="h-72 rounded-xl border border-stone-200 bg-white" />
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="h-40 rounded-xl border border-stone-200 bg-white" />
        ))}
      </div>
    </div>
  );
}
