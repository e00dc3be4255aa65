import { useTranslations } from 'next-intl';
import { FilterBar } from '@/components/admin/list-parts';
import { Field, SelectField } from '@/components/ui/field';
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
  const entities =
    filters.entity && !options.entities.includes(filters.entity)
      ? [...options.entities, filters.entity]
      : options.entities;
  return (
    <FilterBar
      action="/admin/audit"
      submit={t('filter')}
      clear={filtered && t('clear')}
      className="mt-4 flex flex-wrap items-start gap-3"
      actionsClassName="mt-6 flex items-center gap-3"
      noValidate
    >
      <SelectField
        label={t('actor')}
        name="actor"
        defaultValue={filters.actor ? String(filters.actor) : ''}
        className="w-44"
      >
        <option value="">{t('anyActor')}</option>
        {options.actors.map((actor) => (
          <option key={actor.id} value={actor.id}>
            {actor.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('entity')} name="entity" defaultValue={filters.entity} className="w-36">
        <option value="">{t('anyEntity')}</option>
        {entities.map((entity) => (
          <option key={entity} value={entity}>
            {entity}
          </option>
        ))}
      </SelectField>
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
      <Field
        label={t('from')}
        name="from"
        type="date"
        defaultValue={values.from}
        error={errors.from ? t(`errors.${errors.from}`) : undefined}
        className="w-40"
      />
      <Field
        label={t('to')}
        name="to"
        type="date"
        defaultValue={values.to}
        error={errors.to ? t(`errors.${errors.to}`) : undefined}
        className="w-40"
      />
    </FilterBar>
  );
}
