import { useTranslations } from 'next-intl';
import { ChoiceFilter, DateRangeFields, FilterBar } from '@/components/admin/list-parts';
import { Field } from '@/components/ui/field';
import { auditLabel } from './audit-entry-list';
import type { AuditFilters } from '@/lib/admin/audit-log/validation';

/** The audit log's filters: a GET form, so a filtered view is a link that can be shared. */
export function AuditFilterForm({
  filters,
  errors,
  values,
  options,
  filtered,
}: {
  filters: AuditFilters;
  errors: Partial<Record<'from' | 'to', 'invalidDate' | 'order'>>;
  values: { from: string; to: string };
  options: { actors: { id: number; name: string }[]; entities: string[]; actions: string[] };
  filtered: boolean;
}) {
  const t = useTranslations('admin.audit');
  const entities = (
    filters.entity && !options.entities.includes(filters.entity)
      ? [...options.entities, filters.entity]
      : options.entities
  ).map((entity) => ({ value: entity, label: auditLabel(t, 'entities', entity) }));
  return (
    <FilterBar
      action="/admin/audit"
      submit={t('filter')}
      clear={filtered && t('clear')}
      className="mt-4 flex flex-wrap items-start gap-3"
      actionsClassName="mt-6 flex items-center gap-3"
      noValidate
    >
      <ChoiceFilter
        label={t('actor')}
        any={t('anyActor')}
        name="actor"
        value={filters.actor}
        choices={options.actors.map((actor) => ({ value: actor.id, label: actor.name }))}
        className="w-44"
      />
      <ChoiceFilter label={t('entity')} any={t('anyEntity')} name="entity" value={filters.entity} choices={entities} />
      {filters.entityId && <input type="hidden" name="entityId" value={filters.entityId} />}
      <Field
        label={t('action')}
        name="action"
        defaultValue={filters.action}
        list="audit-actions"
        hint={t('actionHint')}
        maxLength={80}
        autoComplete="off"
        className="w-52"
      />
      <datalist id="audit-actions">
        {options.actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <DateRangeFields
        labels={{ from: t('from'), to: t('to') }}
        values={values}
        errors={{ from: errors.from && t(`errors.${errors.from}`), to: errors.to && t(`errors.${errors.to}`) }}
      />
    </FilterBar>
  );
}
