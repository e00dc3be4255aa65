import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { reviewPagePath } from '@/components/reviews/paths';
import { ReviewPageForm } from '@/components/reviews/review-page-form';
import { ClientMessages } from '@/components/store/client-messages';
import { PageHeader } from '@/components/ui/page-header';
import { userOrSignIn } from '@/lib/auth/guards';
import { getProduct } from '@/lib/catalog/detail-queries';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import type { ReviewFormState } from '@/lib/actions/reviews';
import { formResult } from '@/lib/http/form-result';
import { getOwnReview } from '@/lib/reviews/queries';

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Reads the session on every request: rendered in full before its first byte.
export const instant = false;

export const generateMetadata = titleMetadata('reviews.page.meta');

/**
 * The shopper's own review of a product, on a page of its own: the product page is static and asks
 * for the shopper's review with a script, so without JavaScript its review form links here.
 */
export default async function AccountReviewPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const path = reviewPagePath(slug);
  const user = await userOrSignIn(path);
  const product = await getProduct(slug);
  if (!product) notFound();
  const review = await getOwnReview(user.id, product.id);
  const t = await getTranslations({ locale, namespace: 'reviews.page' });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title', { title: product.title })} intro={t('intro')} />
      <div className="max-w-2xl rounded-xl border border-stone-200 bg-white p-4">
        <ClientMessages namespaces={['reviews']} locale={locale}>
          <ReviewPageForm
            productId={product.id}
            review={review}
            pagePath={path}
            confirmDelete={(await searchParams).delete !== undefined}
            saved={await formResult<ReviewFormState>('saveReview')}
            deleted={(await formResult<{ ok: boolean }>('deleteReview'))?.ok === true}
          />
        </ClientMessages>
      </div>
      <Link href={`/products/${slug}`} className="inline-block text-sm font-semibold text-brand-700 hover:underline">
        {t('back', { title: product.title })}
      </Link>
    </div>
  );
}
