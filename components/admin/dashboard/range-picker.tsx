import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { DateRangeFields } from '@/components/admin/list-parts';
import {
  type DateRange,
  DEFAULT_PRESET,
  MAX_RANGE_DAYS,
  RANGE_PRESETS,
  type RangeErrors,
} from '@/lib/admin/dashboard/range';

/**
 * The dashboard's date range: preset links (7, 30, 90 days) and a custom from/to form. Both are
 * plain links and a GET form, so the range lives in the URL (shareable, Back works) and no client
 * JavaScript is needed.
 */
export function RangePicker({
  range,
  errors,
  custom,
}: {
  range: DateRange;
  errors: RangeErrors;
  custom: { from: string; to: string };
}) {
  const t = useTranslations('admin.dashboard.range');
  const errorText = (key: RangeErrors['from']) => (key ? t(`errors.${key}`, { max: MAX_RANGE_DAYS }) : undefined);
  const failed = Boolean(errors.from || errors.to);
  return (
    <section aria-label={t('label')} className="rounded-xl border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-4">
        <nav aria-label={t('presets')}>
          <ul className="flex flex-wrap gap-2 text-sm">
            {RANGE_PRESETS.map((days) => {
              const current = !failed && range.preset === days;
              return (
                <li key={days}>
                  <Link
                    href={days === DEFAULT_PRESET ? '/admin' : `/admin?range=${days}`}
                    aria-current={current ? 'page' : undefined}
                    prefetch={false}
                    className={`block rounded-full px-3 py-1.5 ring-1 ring-inset ${current ? 'bg-stone-900 text-white ring-stone-900' : 'ring-stone-300 hover:bg-stone-100'}`}
                  >
                    {t('preset', { days })}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <form
          action="/admin"
          method="get"
          className="flex flex-wrap items-start gap-3"
          aria-label={t('custom')}
          noValidate
        >
          <DateRangeFields
            labels={{ from: t('from'), to: t('to') }}
            values={custom}
            errors={{ from: errorText(errors.from), to: errorText(errors.to) }}
          />
          <button
            type="submit"
            className="mt-6 rounded-full bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700"
          >
            {t('apply')}
          </button>
        </form>
      </div>
      {failed && (
        <p role="alert" className="mt-3 text-sm font-medium text-brand-700">
          {t('fallback', { days: DEFAULT_PRESET })}
        </p>
      )}
    </section>
  );
}
