'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useAdminFlash } from '@/components/admin/admin-flash';
import { Button } from '@/components/ui/button';
import { SelectField, TextareaField } from '@/components/ui/field';
import { addCopiesAction, changeCopyAction } from '@/lib/actions/admin/rentals';
import { type COPY_CHANGES, COPY_GRADES, MAX_COPIES_AT_ONCE } from '@/lib/admin/rentals/validation';
import type { RentalCopyGrade, RentalCopyStatus } from '@/lib/rentals/schema';
import { useDeskAction } from './use-desk-action';

/**
 * Adds copies of one edition: one code a line (as printed on the stickers, or scanned one after the
 * other), all with one grade. All or none: a code that is invalid, repeated or already on another
 * copy refuses the whole list, naming it.
 */
export function AddCopiesForm({ editionId }: { editionId: number }) {
  const t = useTranslations('admin.rentals.copies');
  const flash = useAdminFlash();
  const desk = useDeskAction(addCopiesAction, (answer, form) => {
    if (!answer.ok) return;
    form.reset();
    if ('added' in answer) flash(t('added', { count: answer.added }));
  });
  const refusedCode = desk.answer && !desk.answer.ok && 'code' in desk.answer ? String(desk.answer.code) : '';
  const gradeOptions = COPY_GRADES.map((grade) => ({ value: grade, label: t(`grades.${grade}`) }));
  return (
    <form onSubmit={desk.onSubmit} noValidate aria-label={t('addTitle')} className="max-w-md space-y-3">
      <input type="hidden" name="editionId" value={editionId} />
      <TextareaField
        label={t('codes')}
        name="codes"
        rows={5}
        autoComplete="off"
        spellCheck={false}
        hint={t('codesHint', { max: MAX_COPIES_AT_ONCE })}
        error={desk.fieldError('codes') ?? desk.formError({ code: refusedCode })}
        className="font-mono"
      />
      <SelectField label={t('grade')} name="grade" defaultValue="good" options={gradeOptions} />
      <Button type="submit" pending={desk.pending}>
        {t('add')}
      </Button>
    </form>
  );
}

/** Which changes a copy in `status` may get (lib/rentals/copies.ts refuses the others anyway). */
function changesFor(status: RentalCopyStatus): (typeof COPY_CHANGES)[number][] {
  switch (status) {
    case 'available':
      return ['grade', 'damaged', 'lost', 'retired'];
    case 'returned_pending_check':
      return ['available', 'grade', 'damaged', 'lost', 'retired'];
    case 'damaged':
      return ['grade', 'retired'];
    case 'reserved':
    case 'out':
      return ['grade'];
    default:
      return [];
  }
}

/**
 * One copy's change: grade it, or move it (after the check of a returned copy: back to available
 * with its grade; or damaged, lost, retired). Only the changes its state allows are offered.
 */
export function CopyChangeForm({
  code,
  status,
  grade,
}: {
  code: string;
  status: RentalCopyStatus;
  grade: RentalCopyGrade;
}) {
  const t = useTranslations('admin.rentals.copies');
  const flash = useAdminFlash();
  const changes = changesFor(status);
  const [change, setChange] = useState(changes[0] ?? 'grade');
  const desk = useDeskAction(changeCopyAction, (answer) => {
    if (answer.ok) flash(t('changed', { code }));
  });
  if (changes.length === 0) return <span className="text-xs text-stone-500">{t('noChange')}</span>;
  const withGrade = change === 'grade' || change === 'available';
  return (
    <form
      onSubmit={desk.onSubmit}
      noValidate
      aria-label={t('changeFor', { code })}
      className="flex flex-wrap items-end gap-2"
    >
      <input type="hidden" name="code" value={code} />
      <SelectField
        label={t('change')}
        name="change"
        value={change}
        onChange={(event) => setChange(event.target.value as (typeof COPY_CHANGES)[number])}
        options={changes.map((value) => ({ value, label: t(`changes.${value}`) }))}
      />
      {withGrade && (
        <SelectField
          label={t('grade')}
          name="grade"
          defaultValue={grade}
          options={COPY_GRADES.map((value) => ({ value, label: t(`grades.${value}`) }))}
        />
      )}
      <Button type="submit" variant="secondary" pending={desk.pending}>
        {t('apply')}
      </Button>
      <p role="alert" className="basis-full text-xs font-medium text-brand-700">
        {desk.fieldError('grade') ?? desk.formError()}
      </p>
    </form>
  );
}
