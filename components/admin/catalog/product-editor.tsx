'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { saveProductAction } from '@/lib/actions/admin/catalog';
import { slugify } from '@/lib/catalog/slug';
import type { GenreOption, ProductEditorData } from '@/lib/admin/catalog/types';
import { PRODUCT_KINDS, type ProductKind } from '@/lib/catalog/formats';
import { CreditsSection } from './credits-section';
import { EditionsSection } from './editions-section';
import { type EditorState, toDraftPayload, toEditorState } from './editor-state';
import { Field, SelectField, TextareaField } from '@/components/ui/field';
import { EditorSection, useErrorText } from './fields';
import { MediaSection } from './media-section';
import { TracksSection } from './tracks-section';

/**
 * The product editor: one page, one form, one save. The whole product (details, editions, tracks,
 * credits, genres, media) goes to saveProductAction as JSON and is saved in one transaction, or
 * not at all: errors come back by field ("editions.1.price") and show beside their fields.
 */
export function ProductEditor({
  initial,
  genres,
  currency,
  locale,
  notice = null,
}: {
  initial: ProductEditorData;
  genres: GenreOption[];
  currency: string;
  locale: string;
  /** "created" right after a new product was saved (the page it lands on says so). */
  notice?: 'created' | null;
}) {
  const t = useTranslations('admin.catalog.editor');
  const tKind = useTranslations('common.kind');
  const tStatus = useTranslations('admin.catalog.status');
  const errorText = useErrorText();
  const router = useRouter();
  const [state, setState] = useState<EditorState>(() => toEditorState(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Bumped by a refused save: once the errors are on the page, focus moves to the first of them.
  const [refusals, setRefusals] = useState(0);
  const [message, setMessage] = useState<{ kind: 'saved' | 'created'; slug: string; status: string } | null>(
    notice ? { kind: notice, slug: initial.slug, status: initial.status } : null,
  );
  const [slugTouched, setSlugTouched] = useState(initial.id !== null);
  const [pending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);
  const creating = state.id === null;

  /** Updates the state; a structural change (add, remove, reorder) drops errors that named positions. */
  const update = (patch: Partial<EditorState>, structural = false) => {
    setState((current) => ({ ...current, ...patch }));
    setMessage(null);
    if (structural) setErrors({});
  };
  const error = (field: string) => errorText(errors[field]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData();
    form.set('payload', JSON.stringify(toDraftPayload(state)));
    startTransition(async () => {
      const result = await saveProductAction(null, form);
      if (result?.ok) {
        setErrors({});
        setSlugTouched(true);
        setMessage({ kind: result.created ? 'created' : 'saved', slug: result.slug, status: state.status });
        if (result.created) {
          router.replace(`/admin/products/${result.id}?created=1`);
        } else if (result.product) {
          // Fresh from the database: new editions have ids now, and the version moved on.
          setState(toEditorState(result.product));
        }
        return;
      }
      const fieldErrors = result?.fieldErrors ?? { form: result?.error ?? 'invalid' };
      setErrors(fieldErrors);
      setRefusals((n) => n + 1);
    });
  }

  // After the render that shows the errors (a frame callback could run before a transition commits).
  useEffect(() => {
    if (refusals === 0) return;
    const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? summaryRef.current)?.focus();
  }, [refusals]);

  const errorCount = Object.keys(errors).length;
  const genreNames = (genre: GenreOption) => (locale === 'zh' ? genre.nameZh : genre.name);

  return (
    <form onSubmit={submit} noValidate aria-describedby="editor-status" className="space-y-6">
      <div ref={summaryRef} tabIndex={-1} id="editor-status" className="outline-none">
        {errorCount > 0 && (
          <div role="alert" className="rounded-lg border border-brand-200 bg-brand-50 p-3 text-sm text-brand-800">
            <p className="font-semibold">{t('errorSummary', { count: errorCount })}</p>
            {(errors.form || errors.editions) && <p className="mt-1">{error(errors.form ? 'form' : 'editions')}</p>}
          </div>
        )}
        <p role="status" className="text-sm text-emerald-800">
          {message && (
            <>
              {t(message.kind === 'created' ? 'created' : 'saved')}{' '}
              {message.status === 'active' && (
                <Link href={`/products/${message.slug}`} className="font-medium underline">
                  {t('viewInStore')}
                </Link>
              )}
            </>
          )}
        </p>
      </div>

      <EditorSection id="details-heading" title={t('details')}>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <Field
            className="sm:col-span-2"
            label={t('title')}
            value={state.title}
            required
            maxLength={300}
            error={error('title')}
            onChange={(e) => {
              const title = e.target.value;
              update(slugTouched ? { title } : { title, slug: slugify(title) });
            }}
          />
          <Field
            label={t('slug')}
            hint={t('slugHint', { path: `/products/${state.slug || '…'}` })}
            value={state.slug}
            required
            maxLength={100}
            error={error('slug')}
            onChange={(e) => {
              setSlugTouched(true);
              update({ slug: e.target.value.toLowerCase() });
            }}
          />
          <Field
            label={t('originalTitle')}
            hint={t('originalTitleHint')}
            value={state.originalTitle}
            maxLength={300}
            error={error('originalTitle')}
            onChange={(e) => update({ originalTitle: e.target.value })}
          />
          <SelectField
            label={t('kind')}
            value={state.kind}
            options={PRODUCT_KINDS.map((kind) => ({ value: kind, label: tKind(kind) }))}
            error={error('kind')}
            onChange={(e) => update({ kind: e.target.value })}
          />
          <SelectField
            label={t('status')}
            hint={t('statusHint')}
            value={state.status}
            options={['draft', 'active', 'archived'].map((status) => ({ value: status, label: tStatus(status) }))}
            error={error('status')}
            onChange={(e) => update({ status: e.target.value })}
          />
          <Field
            type="date"
            label={t('releaseDate')}
            value={state.releaseDate}
            error={error('releaseDate')}
            onChange={(e) => update({ releaseDate: e.target.value })}
          />
          <Field
            label={t(`labelFor.${state.kind as ProductKind}`)}
            value={state.label}
            maxLength={200}
            error={error('label')}
            onChange={(e) => update({ label: e.target.value })}
          />
          <Field
            label={t('ageRating')}
            hint={t('ageRatingHint')}
            value={state.ageRating}
            maxLength={20}
            error={error('ageRating')}
            onChange={(e) => update({ ageRating: e.target.value })}
          />
          <TextareaField
            className="sm:col-span-2"
            label={t('description')}
            rows={5}
            value={state.description}
            maxLength={10_000}
            error={error('description')}
            onChange={(e) => update({ description: e.target.value })}
          />
        </div>
      </EditorSection>

      <EditionsSection
        kind={state.kind as ProductKind}
        editions={state.editions}
        onChange={(editions, structural) => update({ editions }, structural)}
        errors={errors}
        currency={currency}
      />

      <TracksSection
        tracks={state.tracks}
        onChange={(tracks, structural) => update({ tracks }, structural)}
        errors={errors}
        episodes={state.kind === 'series'}
      />

      <CreditsSection
        kind={state.kind}
        credits={state.credits}
        onChange={(credits, structural) => update({ credits }, structural)}
        errors={errors}
      />

      <section aria-labelledby="genres-heading" className="rounded-xl border border-stone-200 bg-white p-4">
        <fieldset aria-describedby={errors.genreIds ? 'genres-error' : undefined}>
          <legend id="genres-heading" className="text-lg font-bold">
            {t('genres')}
          </legend>
          {genres.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600">{t('noGenres')}</p>
          ) : (
            <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
              {genres.map((genre) => (
                <label key={genre.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-stone-300"
                    checked={state.genreIds.includes(genre.id)}
                    onChange={(e) =>
                      update({
                        genreIds: e.target.checked
                          ? [...state.genreIds, genre.id]
                          : state.genreIds.filter((id) => id !== genre.id),
                      })
                    }
                  />
                  {genreNames(genre)}
                </label>
              ))}
            </div>
          )}
          {errors.genreIds && (
            <p id="genres-error" className="mt-2 text-xs font-medium text-brand-700">
              {error('genreIds')}
            </p>
          )}
        </fieldset>
      </section>

      <MediaSection
        media={state.media}
        onChange={(media, structural) => update({ media }, structural)}
        errors={errors}
        title={state.title}
      />

      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-stone-200 bg-white/95 px-4 py-3 backdrop-blur">
        <Button type="submit" pending={pending}>
          {pending ? t('saving') : creating ? t('create') : t('save')}
        </Button>
        <Link href="/admin/products" className="text-sm text-stone-700 underline">
          {t('backToList')}
        </Link>
      </div>
    </form>
  );
}
