import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import type { AuditEntry } from '@/lib/admin/audit-log/queries';

/**
 * Audit entries, each with who, when, what, and a table of the fields that changed (before → after).
 * Actions and entities are named in the reader's language (the action's code beside it, for the
 * action filter); an action or entity without a label shows its code.
 */
export function auditLabel(
  t: ReturnType<typeof useTranslations<'admin.audit'>>,
  group: 'actions' | 'entities',
  code: string,
): string {
  const key = `${group}.${code.replace(/\./g, '_')}`;
  return t.has(key) ? t(key) : code;
}

export function AuditEntryList({ entries }: { entries: AuditEntry[] }) {
  const t = useTranslations('admin.audit');
  const format = useFormatter();
  const actionLabel = (action: string) => auditLabel(t, 'actions', action);
  return (
    <ol className="mt-3 space-y-3">
      {entries.map((entry) => {
        const headingId = `audit-${entry.id}`;
        const entity = auditLabel(t, 'entities', entry.entity);
        const entityText = `${entity} ${entry.entityId}`;
        return (
          <li key={entry.id}>
            <article aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-4">
              <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
                <h2 id={headingId} className="font-semibold">
                  {actionLabel(entry.action)}
                </h2>
                <code className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">{entry.action}</code>
                {entry.created && <Badge tone="success">{t('created')}</Badge>}
                {entry.deleted && <Badge tone="brand">{t('deleted')}</Badge>}
              </header>
              <p className="mt-1 text-sm text-stone-600">
                {entry.href ? (
                  <Link
                    href={entry.href}
                    prefetch={false}
                    className="font-medium text-brand-700 hover:underline"
                    aria-label={t('openEntity', { entity, id: entry.entityId })}
                  >
                    {entityText}
                  </Link>
                ) : (
                  <span className="font-medium text-stone-800">{entityText}</span>
                )}{' '}
                {t('by')}{' '}
                {entry.actorUserId === null ? (
                  t('system')
                ) : (
                  <Link
                    href={`/admin/customers/${entry.actorUserId}`}
                    prefetch={false}
                    className="text-brand-700 hover:underline"
                  >
                    {entry.actorName ?? t('unknownActor', { id: entry.actorUserId })}
                  </Link>
                )}{' '}
                {t('on')}{' '}
                <time dateTime={entry.createdAt.toISOString()}>
                  {format.dateTime(entry.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}
                </time>
              </p>
              {entry.diff.changes.length === 0 ? (
                <p className="mt-2 text-xs text-stone-500">{t('noChanges')}</p>
              ) : (
                <DataTable
                  variant="plain"
                  minWidth=""
                  wrapperClassName="mt-2 overflow-x-auto"
                  caption={t('changes')}
                  rows={entry.diff.changes}
                  rowKey={(change) => change.key}
                  rowClassName={() => 'align-top'}
                  columns={[
                    {
                      key: 'field',
                      header: t('field'),
                      rowHeader: true,
                      className: 'font-mono text-xs font-normal',
                      cell: (change) => change.key,
                    },
                    {
                      key: 'before',
                      header: t('before'),
                      className: 'break-all',
                      cell: (change) =>
                        change.before === null ? (
                          <span className="text-stone-400">
                            {t('none')}
                            <span className="sr-only"> ({t('added')})</span>
                          </span>
                        ) : (
                          <del className="text-brand-700 decoration-brand-500">{change.before}</del>
                        ),
                    },
                    {
                      key: 'after',
                      header: t('after'),
                      className: 'break-all',
                      cell: (change) =>
                        change.after === null ? (
                          <span className="text-stone-400">
                            {t('none')}
                            <span className="sr-only"> ({t('removed')})</span>
                          </span>
                        ) : (
                          <ins className="text-emerald-800 no-underline">{change.after}</ins>
                        ),
                    },
                  ]}
                />
              )}
              {entry.diff.unchanged > 0 && (
                <p className="mt-1 text-xs text-stone-500">{t('unchanged', { count: entry.diff.unchanged })}</p>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
