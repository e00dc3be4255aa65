import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { type Locale, LOCALE_TAGS } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';

export type ChartPoint = { day: string; orders: number; revenueMinor: number };

/** A round number at or above `value`, so the top gridline reads well (1, 2, 2.5, 5 × 10ⁿ). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return step * magnitude;
}

const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Revenue and paid orders per day as two bar charts, drawn as plain SVG on the server (no chart
 * library, no client JavaScript). The SVG is decoration for sighted users: the numbers themselves
 * are in a visually hidden table that screen readers read, and labels are HTML text so they stay
 * legible when the bars stretch to a phone's width.
 */
export function RevenueChart({ points, currency }: { points: ChartPoint[]; currency: string }) {
  const t = useTranslations('admin.dashboard.chart');
  const format = useFormatter();
  const locale = useLocale() as Locale;
  const tag = LOCALE_TAGS[locale] ?? 'en-US';
  const money = (minor: number, whole = false) => formatMoney(minor, currency, tag, { whole });
  const shortDay = (day: string) => format.dateTime(dayDate(day), { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const longDay = (day: string) => format.dateTime(dayDate(day), { dateStyle: 'medium', timeZone: 'UTC' });
  const empty = points.every((point) => point.orders === 0);
  const first = points[0]?.day;
  const last = points.at(-1)?.day;
  const middle = points.length > 2 ? points[Math.floor((points.length - 1) / 2)]?.day : undefined;

  return (
    <section aria-labelledby="revenue-chart-title" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="revenue-chart-title" className="text-base font-bold">
        {t('title')}
      </h2>
      {empty && <p className="mt-1 text-sm text-stone-600">{t('empty')}</p>}
      <div aria-hidden className="mt-3 space-y-4">
        <Bars
          label={t('revenue')}
          values={points.map((point) => point.revenueMinor)}
          titles={points.map((point) => `${longDay(point.day)}: ${money(point.revenueMinor)}`)}
          maxLabel={(max) => money(max, true)}
          heightClass="h-36"
          barClass="fill-brand-600"
        />
        <Bars
          label={t('orders')}
          values={points.map((point) => point.orders)}
          titles={points.map((point) => `${longDay(point.day)}: ${point.orders}`)}
          maxLabel={(max) => format.number(max)}
          heightClass="h-20"
          barClass="fill-stone-700"
        />
        {first && last && (
          <div className="flex justify-between text-xs text-stone-500">
            <span>{shortDay(first)}</span>
            {middle && <span>{shortDay(middle)}</span>}
            <span>{shortDay(last)}</span>
          </div>
        )}
      </div>
      <table className="sr-only">
        <caption>{first && last ? t('tableCaption', { from: longDay(first), to: longDay(last) }) : t('title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col">{t('orderCount')}</th>
            <th scope="col">{t('revenueColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.day}>
              <th scope="row">{longDay(point.day)}</th>
              <td>{format.number(point.orders)}</td>
              <td>{money(point.revenueMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Bars({
  label,
  values,
  titles,
  maxLabel,
  heightClass,
  barClass,
}: {
  label: string;
  values: number[];
  titles: string[];
  maxLabel: (max: number) => string;
  heightClass: string;
  barClass: string;
}) {
  const t = useTranslations('admin.dashboard.chart');
  const max = niceCeiling(Math.max(0, ...values));
  const count = Math.max(1, values.length);
  // Bars are drawn in a 100-unit-high box of one unit per day, stretched to the width.
  return (
    <div>
      <div className="flex items-baseline justify-between text-xs text-stone-600">
        <span className="font-semibold text-stone-800">{label}</span>
        <span>{t('axisMax', { value: maxLabel(max) })}</span>
      </div>
      <svg
        viewBox={`0 0 ${count} 100`}
        preserveAspectRatio="none"
        focusable="false"
        className={`mt-1 w-full ${heightClass} overflow-visible`}
      >
        {[0, 50, 100].map((y) => (
          <line
            key={y}
            x1={0}
            x2={count}
            y1={y}
            y2={y}
            className="stroke-stone-200"
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {values.map((value, index) => {
          const height = (Math.max(0, value) / max) * 100;
          return (
            <rect
              key={index}
              x={index + (count > 60 ? 0.05 : 0.15)}
              width={count > 60 ? 0.9 : 0.7}
              y={100 - height}
              height={height}
              className={barClass}
            >
              <title>{titles[index]}</title>
            </rect>
          );
        })}
      </svg>
    </div>
  );
}
