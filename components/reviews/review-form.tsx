'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { deleteReviewAction, type ReviewFormState, saveReviewAction } from '@/lib/actions/reviews';
import { type OwnReview, RATINGS } from '@/lib/reviews/types';
import { REVIEW_BODY_MAX, REVIEW_TITLE_MAX } from '@/lib/reviews/validation';
import { reviewPagePath } from './paths';
import { Stars } from './stars';

type Mine = { signedIn: boolean; review: OwnReview | null };

/** The query key of the viewer's own review of a product (/api/v1/reviews/mine). */
export const ownReviewKey = (productId: number) => ['reviews', 'mine', productId] as const;

/** Turns an error key of a review action into text (`reviews.errors.*`, else "something went wrong"). */
function useReviewErrorText(): (key: string | undefined) => string | null {
  const t = useTranslations('reviews.errors');
  return (key) => (key ? (t.has(key) ? t(key) : t('unexpected')) : null);
}

/**
 * The shopper's own review on a product page: a client island, because the page is static and the same
 * for everyone. It asks /api/v1/reviews/mine whether the viewer is signed in and has reviewed the
 * product; visitors get a link to sign in, shoppers a form to write or edit their one review. Without
 * JavaScript it cannot ask, and links to the review's own page (`reviewPagePath`), which signs in first.
 */
export function ReviewForm({ productId, slug }: { productId: number; slug: string }) {
  const t = useTranslations('reviews.form');
  const queryClient = useQueryClient();
  const key = ownReviewKey(productId);
  const { data, isPending, isError, refetch } = useQuery<Mine>({
    queryKey: key,
    queryFn: async () => {
      const response = await fetch(`/api/v1/reviews/mine?productId=${productId}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    },
  });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function startEditing() {
    setNotice(null);
    setEditing(true);
  }

  function done(review: OwnReview | null, message: string) {
    queryClient.setQueryData<Mine>(key, { signedIn: true, review });
    setEditing(false);
    setNotice(message);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  let content: React.ReactNode;
  if (isPending) {
    content = (
      <>
        <p aria-busy className="h-10 animate-pulse rounded-lg bg-stone-100 text-sm text-transparent">
          {t('loading')}
        </p>
        <noscript>
          <a
            href={reviewPagePath(slug)}
            className="mt-2 inline-flex rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
          >
            {t('writeHere')}
          </a>
        </noscript>
      </>
    );
  } else if (isError) {
    content = (
      <p role="alert" className="text-sm text-brand-700">
        {t('loadFailed')}{' '}
        <button type="button" onClick={() => refetch()} className="font-semibold underline">
          {t('retry')}
        </button>
      </p>
    );
  } else if (!data.signedIn) {
    content = (
      <Link
        href={`/login?next=${encodeURIComponent(`/products/${slug}`)}`}
        className="inline-flex rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
      >
        {t('signIn')}
      </Link>
    );
  } else if (editing) {
    content = (
      <ReviewEditor
        productId={productId}
        review={data.review}
        onCancel={() => {
          setEditing(false);
          requestAnimationFrame(() => headingRef.current?.focus());
        }}
        onSaved={(result) => done(result.review, result.created ? t('published') : t('updated'))}
        onDeleted={() => done(null, t('deleted'))}
      />
    );
  } else if (data.review) {
    content = <OwnReviewSummary review={data.review} onEdit={startEditing} />;
  } else {
    content = (
      <Button type="button" onClick={startEditing}>
        {t('write')}
      </Button>
    );
  }

  return (
    <div className="mt-6 rounded-xl border border-stone-200 bg-white p-4">
      <h3 ref={headingRef} tabIndex={-1} className="mb-3 font-semibold outline-none">
        {data?.review ? t('yourReview') : t('write')}
      </h3>
      {content}
      <p role="status" aria-live="polite" className="mt-2 text-sm font-medium text-emerald-800">
        {notice}
      </p>
    </div>
  );
}

function OwnReviewSummary({ review, onEdit }: { review: OwnReview; onEdit: () => void }) {
  const t = useTranslations('reviews');
  return (
    <div className="space-y-2 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <Stars rating={review.rating} label={t('starsLabel', { rating: review.rating })} />
        <span>{t('form.yourRating', { rating: review.rating })}</span>
      </p>
      {review.title && <p className="break-words font-semibold">{review.title}</p>}
      {review.verifiedPurchase && <p className="text-stone-600">{t('form.verifiedNote')}</p>}
      {review.hidden && <p className="rounded-lg bg-amber-50 p-2 text-amber-900">{t('form.hidden')}</p>}
      <Button type="button" variant="secondary" onClick={onEdit}>
        {t('form.edit')}
      </Button>
    </div>
  );
}

/**
 * The form of the shopper's review (rating, title, text) and, for an existing review, its deletion.
 * On the product page the island replaces it after a change (`onSaved`, `onDeleted`); on the review's
 * own page (`pagePath`) it says what the action did itself, which also works without JavaScript, and
 * "Delete" and "Cancel" are links to that page with or without the confirmation (`?delete`).
 */
export function ReviewEditor({
  productId,
  review,
  onSaved,
  onCancel,
  onDeleted,
  pagePath,
  confirmDelete = false,
  saved = null,
}: {
  productId: number;
  review: OwnReview | null;
  onSaved?: (result: { review: OwnReview; created: boolean }) => void;
  onCancel?: () => void;
  onDeleted?: () => void;
  /** On the review's own page: its path. */
  pagePath?: string;
  confirmDelete?: boolean;
  /** The answer to the form when it was posted without JavaScript (lib/http/form-result.ts). */
  saved?: ReviewFormState;
}) {
  const t = useTranslations('reviews');
  const format = useFormatter();
  const errorText = useReviewErrorText();
  const id = useId();
  const [rating, setRating] = useState(review?.rating ?? 0);
  const [hover, setHover] = useState(0);
  const [body, setBody] = useState(review?.body ?? '');
  const { state, pending, errors, form } = useActionForm<ReviewFormState>(saveReviewAction, {
    initial: saved,
    onSuccess: onSaved,
  });
  const shown = hover || rating;
  const ratingError = errorText(errors.rating);
  const bodyError = errorText(errors.body);
  const bodyDescribedBy = [`${id}-body-hint`, `${id}-body-count`, bodyError && `${id}-body-error`].filter(Boolean);

  return (
    <div className="space-y-4">
      <form {...form} noValidate className="space-y-4">
        <input type="hidden" name="productId" value={productId} />
        <fieldset aria-describedby={ratingError ? `${id}-rating-error` : undefined}>
          <legend className="text-sm font-medium text-stone-800">{t('form.rating')}</legend>
          <div className="mt-1 flex" onMouseLeave={() => setHover(0)}>
            {RATINGS.map((value) => (
              <label
                key={value}
                onMouseEnter={() => setHover(value)}
                className="cursor-pointer rounded px-0.5 text-3xl leading-none has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
              >
                <input
                  type="radio"
                  name="rating"
                  value={value}
                  checked={rating === value}
                  onChange={() => setRating(value)}
                  required
                  className="sr-only"
                />
                <span aria-hidden className={value <= shown ? 'text-amber-500' : 'text-stone-300'}>
                  ★
                </span>
                <span className="sr-only">{t('form.ratingOption', { rating: value })}</span>
              </label>
            ))}
          </div>
          {ratingError && (
            <p id={`${id}-rating-error`} className="mt-1 text-xs font-medium text-brand-700">
              {ratingError}
            </p>
          )}
        </fieldset>
        <Field
          label={t('form.title')}
          name="title"
          maxLength={REVIEW_TITLE_MAX}
          defaultValue={review?.title ?? ''}
          error={errorText(errors.title)}
        />
        <div>
          <label htmlFor={`${id}-body`} className="block text-sm font-medium text-stone-800">
            {t('form.body')}
          </label>
          <textarea
            id={`${id}-body`}
            name="body"
            rows={6}
            maxLength={REVIEW_BODY_MAX}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyDescribedBy.join(' ')}
            className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 ${bodyError ? 'border-brand-600' : 'border-stone-300'}`}
          />
          <div className="mt-1 flex flex-wrap justify-between gap-2 text-xs text-stone-500">
            <p id={`${id}-body-hint`}>{t('form.bodyHint', { max: format.number(REVIEW_BODY_MAX) })}</p>
            <p id={`${id}-body-count`} className="tabular-nums">
              {t('form.charactersLeft', { count: Math.max(0, REVIEW_BODY_MAX - body.length) })}
            </p>
          </div>
          {bodyError && (
            <p id={`${id}-body-error`} className="mt-1 text-xs font-medium text-brand-700">
              {bodyError}
            </p>
          )}
        </div>
        <FormError className="min-h-0">{errorText(errors.form)}</FormError>
        {pagePath && state?.ok && (
          <p role="status" className="text-sm font-medium text-emerald-800">
            {state.created ? t('form.published') : t('form.updated')}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <SubmitButton pendingLabel={t('form.saving')}>{review ? t('form.update') : t('form.submit')}</SubmitButton>
          {onCancel && (
            <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
              {t('form.cancel')}
            </Button>
          )}
        </div>
      </form>
      {/* Its own form, after the review's: forms cannot nest. */}
      {review && (
        <DeleteReview
          productId={productId}
          onDeleted={onDeleted}
          pagePath={pagePath}
          initiallyConfirming={confirmDelete}
        />
      )}
    </div>
  );
}

/**
 * "Delete my review", with a confirmation step in place (no dialog); the deletion is a form. With
 * `pagePath`, "Delete" and "Cancel" are links to that page with and without `?delete` (followed without
 * JavaScript, handled in place with it).
 */
function DeleteReview({
  productId,
  onDeleted,
  pagePath,
  initiallyConfirming = false,
}: {
  productId: number;
  onDeleted?: () => void;
  pagePath?: string;
  initiallyConfirming?: boolean;
}) {
  const t = useTranslations('reviews');
  const errorText = useReviewErrorText();
  const [confirming, setConfirming] = useState(initiallyConfirming);
  const { state, pending, form } = useActionForm(deleteReviewAction, { onSuccess: onDeleted });

  return (
    <div className="border-t border-stone-200 pt-3 text-sm">
      {confirming ? (
        <form {...form} role="group" aria-label={t('form.confirmDelete')} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="productId" value={productId} />
          <span>{t('form.confirmDelete')}</span>
          <SubmitButton variant="danger">{t('form.confirmDeleteYes')}</SubmitButton>
          {pagePath ? (
            <InPlaceLink href={pagePath} onOpen={() => setConfirming(false)} className={buttonClass('secondary')}>
              {t('form.cancel')}
            </InPlaceLink>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {t('form.cancel')}
            </Button>
          )}
        </form>
      ) : pagePath ? (
        <InPlaceLink
          href={`${pagePath}?delete=1`}
          onOpen={() => setConfirming(true)}
          className="text-brand-700 underline"
        >
          {t('form.delete')}
        </InPlaceLink>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="text-brand-700 underline">
          {t('form.delete')}
        </button>
      )}
      <FormError className="mt-1 min-h-0">{state?.ok === false ? errorText(state.fieldErrors.form) : null}</FormError>
    </div>
  );
}

/** A link that opens or closes part of the form: followed without JavaScript, handled in place with it. */
function InPlaceLink({
  href,
  onOpen,
  className,
  children,
}: {
  href: string;
  onOpen: () => void;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      onClick={(event) => {
        event.preventDefault();
        onOpen();
      }}
      className={className}
    >
      {children}
    </Link>
  );
}
