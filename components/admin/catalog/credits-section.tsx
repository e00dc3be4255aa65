'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState, useTransition } from 'react';
import { createPersonAction } from '@/lib/actions/admin/catalog';
import type { PersonOption } from '@/lib/admin/catalog/types';
import { CREDIT_ROLES } from '@/lib/catalog/formats';
import { type EditorCreditState, move, newKey } from './editor-state';
import { Field, SelectField } from '@/components/ui/field';
import { EditorSection, ItemButtons, SmallButton, useErrorText } from './fields';

const DEFAULT_ROLE: Record<string, string> = { album: 'artist', film: 'director', series: 'writer', game: 'developer' };

/** Credits: people with their role (and character, for cast), found by search or created here. */
export function CreditsSection({
  kind,
  credits,
  onChange,
  errors,
}: {
  kind: string;
  credits: EditorCreditState[];
  onChange: (credits: EditorCreditState[], structural?: boolean) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations('admin.catalog.credits');
  const tRole = useTranslations('common.role');
  const errorText = useErrorText();
  const [announcement, setAnnouncement] = useState('');

  const set = (index: number, patch: Partial<EditorCreditState>) =>
    onChange(credits.map((credit, i) => (i === index ? { ...credit, ...patch } : credit)));
  const add = (person: PersonOption) => {
    onChange(
      [
        ...credits,
        {
          key: newKey('credit'),
          personId: person.id,
          personName: person.name,
          personSlug: person.slug,
          role: DEFAULT_ROLE[kind] ?? 'artist',
          character: '',
        },
      ],
      true,
    );
    setAnnouncement(t('added', { name: person.name }));
  };

  return (
    <EditorSection id="credits-heading" title={t('title')} announcement={announcement}>
      {credits.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t('empty')}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {credits.map((credit, index) => {
            const error = (field: string) => errorText(errors[`credits.${index}.${field}`]);
            return (
              <li key={credit.key} className="rounded-lg border border-stone-200 p-3">
                <fieldset>
                  <legend className="text-sm font-semibold">{credit.personName}</legend>
                  {error('personId') && <p className="text-xs font-medium text-brand-700">{error('personId')}</p>}
                  <div className="mt-2 grid items-end gap-3 sm:grid-cols-[12rem_1fr_auto]">
                    <SelectField
                      label={t('role')}
                      value={credit.role}
                      options={CREDIT_ROLES.map((role) => ({ value: role, label: tRole(role) }))}
                      onChange={(e) => set(index, { role: e.target.value })}
                      error={error('role')}
                    />
                    <Field
                      label={t('character')}
                      hint={credit.role === 'cast' ? undefined : t('characterHint')}
                      value={credit.character}
                      onChange={(e) => set(index, { character: e.target.value })}
                      error={error('character')}
                    />
                    <ItemButtons
                      t={t}
                      onMove={(delta) => onChange(move(credits, index, delta), true)}
                      index={index}
                      values={{ name: credit.personName, role: tRole(credit.role as never) }}
                      count={credits.length}
                      onRemove={() => {
                        setAnnouncement(t('removed', { name: credit.personName }));
                        onChange(
                          credits.filter((_, i) => i !== index),
                          true,
                        );
                      }}
                    />
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
      <PersonPicker onPick={add} />
    </EditorSection>
  );
}

/** Search people by name (as you type) and add one, or create a person who is not there yet. */
export function PersonPicker({ onPick }: { onPick: (person: PersonOption) => void }) {
  const t = useTranslations('admin.catalog.credits');
  const errorText = useErrorText();
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonOption[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchFailed, setSearchFailed] = useState(false);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [originalName, setOriginalName] = useState('');
  const [createErrors, setCreateErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const response = await fetch(`/api/admin/products/people?q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(String(response.status));
        setResults((await response.json()) as PersonOption[]);
        setSearchFailed(false);
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setSearchFailed(true);
      } finally {
        setSearching(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  // Results belong to the query typed; an empty box shows none.
  const shown = query.trim() ? results : null;

  const create = () => {
    const form = new FormData();
    form.set('name', name);
    form.set('originalName', originalName);
    startTransition(async () => {
      const result = await createPersonAction(null, form);
      if (result?.ok) {
        onPick(result.person);
        setCreating(false);
        setName('');
        setOriginalName('');
        setCreateErrors({});
      } else {
        setCreateErrors(result?.fieldErrors ?? { name: result?.error ?? 'invalid' });
      }
    });
  };

  return (
    <div className="mt-4 border-t border-stone-100 pt-3">
      <Field
        type="search"
        label={t('find')}
        hint={t('findHint')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-controls={`${id}-results`}
        autoComplete="off"
      />
      <div id={`${id}-results`} aria-live="polite" aria-busy={searching || undefined}>
        {searchFailed && <p className="mt-2 text-sm text-brand-700">{t('searchFailed')}</p>}
        {shown && shown.length === 0 && !searching && (
          <p className="mt-2 text-sm text-stone-600">{t('noMatches', { query: query.trim() })}</p>
        )}
        {shown && shown.length > 0 && (
          <ul className="mt-2 max-h-60 overflow-y-auto rounded-lg border border-stone-200" aria-label={t('matches')}>
            {shown.map((person) => (
              <li key={person.id} className="border-b border-stone-100 last:border-b-0">
                <button
                  type="button"
                  onClick={() => {
                    onPick(person);
                    setQuery('');
                  }}
                  className="block w-full px-3 py-2 text-left text-sm hover:bg-stone-100 focus:bg-stone-100"
                >
                  <span className="font-medium">{person.name}</span>
                  {person.originalName && <span className="ml-2 text-stone-500">{person.originalName}</span>}
                  <span className="sr-only"> — {t('add')}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {!creating ? (
        <div className="mt-2">
          <SmallButton
            onClick={() => {
              setCreating(true);
              setName(query.trim());
            }}
            aria-expanded={false}
          >
            {t('createPerson')}
          </SmallButton>
        </div>
      ) : (
        <div role="group" aria-labelledby={`${id}-create`} className="mt-3 rounded-lg bg-stone-50 p-3">
          <p id={`${id}-create`} className="text-sm font-semibold">
            {t('createPerson')}
          </p>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <Field
              label={t('personName')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errorText(createErrors.name ?? createErrors.form)}
              maxLength={200}
              autoFocus
            />
            <Field
              label={t('originalName')}
              hint={t('originalNameHint')}
              value={originalName}
              onChange={(e) => setOriginalName(e.target.value)}
              error={errorText(createErrors.originalName)}
              maxLength={200}
            />
          </div>
          <div className="mt-3 flex gap-2">
            <SmallButton onClick={create} disabled={pending} aria-busy={pending || undefined}>
              {pending ? t('creating') : t('createAndAdd')}
            </SmallButton>
            <SmallButton onClick={() => setCreating(false)}>{t('cancel')}</SmallButton>
          </div>
        </div>
      )}
    </div>
  );
}
