import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ProductRecommendations } from '@/components/recommendations/product-recommendations';
import { ProductReviews } from '@/components/reviews/product-reviews';
import { AddToCart } from '@/components/store/add-to-cart';
import { ClientMessages } from '@/components/store/client-messages';
import { formatPrice } from '@/components/store/price';
import { RentOffer } from '@/components/store/rent-offer';
import { EditionList } from '@/components/store/edition-list';
import { Gallery } from '@/components/store/gallery';
import { JsonLd } from '@/components/store/json-ld';
import { ProductRail } from '@/components/store/product-rail';
import { Tracklist } from '@/components/store/tracklist';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/card';
import { WishlistButton } from '@/components/wishlist/wishlist-button';
import { formatDate } from '@/lib/catalog/display';
import { sectionForKind } from '@/lib/catalog/formats';
import { buildProductJsonLd } from '@/lib/catalog/json-ld';
import { getProductReviews } from '@/lib/reviews/queries';
import { listPrerenderedProductSlugs } from '@/lib/catalog/queries';
import { getProduct } from '@/lib/catalog/detail-queries';
import type { CreditView, ProductDetail } from '@/lib/catalog/types';
import { env } from '@/lib/env';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import { getCachedRentalTerms } from '@/lib/rentals/shopper-queries';

type Props = { params: Promise<{ locale: string; slug: string }> };

// A few products per kind are prerendered at build time; the rest render on first request and are
// then served from the cache like the others. Partial Prefetching ('partial') is what makes that first
// render cache the page; it is set per route, not app-wide, because it also renders every dynamic page
// a second time and embeds that copy in the HTML (the search page: twice the work and the bytes).
export const prefetch = 'partial';

export async function generateStaticParams() {
  const slugs = await listPrerenderedProductSlugs();
  // Cache Components needs at least one entry; an empty catalog prerenders a 404.
  return (slugs.length ? slugs : ['__none__']).map((slug) => ({ slug }));
}

async function loadProduct(params: Props['params']): Promise<ProductDetail> {
  const { slug } = await params;
  const product = await getProduct(slug);
  if (!product) notFound();
  return product;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const product = await loadProduct(params);
  const t = await getTranslations({ locale, namespace: 'common' });
  const cover = product.media.find((m) => m.kind === 'cover');
  const lead = product.credits.find((c) => ['artist', 'director', 'writer', 'developer'].includes(c.role));
  const title = lead ? `${product.title} – ${lead.name}` : product.title;
  const description = product.description.slice(0, 200) || `${t(`kind.${product.kind}`)} · ${product.title}`;
  return {
    title,
    description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: {
      title,
      description,
      type:
        product.kind === 'album'
          ? 'music.album'
          : product.kind === 'film'
            ? 'video.movie'
            : product.kind === 'series'
              ? 'video.tv_show'
              : 'website',
      url: `/products/${product.slug}`,
      images: cover
        ? [{ url: cover.url, alt: product.title, width: cover.width ?? undefined, height: cover.height ?? undefined }]
        : undefined,
    },
    twitter: { card: 'summary_large_image', title, description },
  };
}

const ROLE_ORDER = ['artist', 'director', 'writer', 'developer', 'publisher', 'producer', 'composer', 'cast'];

function groupCredits(credits: CreditView[]) {
  const groups = new Map<string, CreditView[]>();
  for (const credit of credits) groups.set(credit.role, [...(groups.get(credit.role) ?? []), credit]);
  return Array.from(groups).sort(([a], [b]) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
}

export default async function ProductPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const product = await loadProduct(params);
  const t = await getTranslations({ locale, namespace: 'product' });
  const common = await getTranslations({ locale, namespace: 'common' });
  const nav = await getTranslations({ locale, namespace: 'header.nav' });
  const section = sectionForKind(product.kind);
  const images = product.media.filter((m) => m.kind === 'cover' || m.kind === 'gallery');
  const trailer = product.media.find((m) => m.kind === 'trailer');
  const leads = product.credits.filter((c) => ['artist', 'director', 'developer'].includes(c.role));
  const poster = product.kind === 'film' || product.kind === 'series';
  const tag = LOCALE_TAGS[locale];
  // The same cached read as the reviews section below, so the summary is queried once.
  const { summary: rating } = await getProductReviews(product.id, product.slug);
  // Cached with the product (its tag); the free copies are read per request by each offer's island.
  const rentals = new Map((await getCachedRentalTerms(product.slug)).map((offer) => [offer.editionId, offer]));

  return (
    <article className="container-page mt-6" aria-labelledby="product-title">
      <JsonLd data={buildProductJsonLd(product, { siteUrl: env.SITE_URL, currency: env.STORE_CURRENCY, rating })} />
      <nav aria-label={common('breadcrumb')} className="text-sm text-stone-600">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/" className="hover:underline">
              {common('home')}
            </Link>
            <span aria-hidden> / </span>
          </li>
          <li>
            <Link href={`/${section}`} className="hover:underline">
              {nav(section)}
            </Link>
            <span aria-hidden> / </span>
          </li>
          <li aria-current="page" className="text-stone-900">
            {product.title}
          </li>
        </ol>
      </nav>

      <div className="mt-4 grid gap-8 md:grid-cols-[minmax(0,20rem)_1fr] lg:grid-cols-[minmax(0,24rem)_1fr]">
        <Gallery images={images} title={product.title} poster={poster} />
        <div>
          <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{common(`kind.${product.kind}`)}</p>
          <h1 id="product-title" className="mt-1 text-3xl font-black tracking-tight sm:text-4xl">
            {product.title}
          </h1>
          {product.originalTitle && (
            <p className="mt-1 text-xl text-stone-600" lang="und">
              {product.originalTitle}
            </p>
          )}
          <div className="mt-3">
            <WishlistButton productId={product.id} title={product.title} />
          </div>
          {leads.length > 0 && (
            <p className="mt-2 text-lg">
              {leads.map((credit, index) => (
                <span key={`${credit.personSlug}-${credit.role}`}>
                  {index > 0 && ', '}
                  <Link href={`/people/${credit.personSlug}`} className="font-semibold text-brand-700 hover:underline">
                    {credit.name}
                  </Link>
                </span>
              ))}
            </p>
          )}
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {product.releaseDate && (
              <>
                <dt className="text-stone-500">{t('released')}</dt>
                <dd>{formatDate(product.releaseDate, tag)}</dd>
              </>
            )}
            {product.label && (
              <>
                <dt className="text-stone-500">{t(`labelFor.${product.kind}`)}</dt>
                <dd>{product.label}</dd>
              </>
            )}
            {product.ageRating && (
              <>
                <dt className="text-stone-500">{t('ageRating')}</dt>
                <dd>
                  <Badge>{product.ageRating}</Badge>
                </dd>
              </>
            )}
            {product.genres.length > 0 && (
              <>
                <dt className="text-stone-500">{t('genres')}</dt>
                <dd className="flex flex-wrap gap-1">
                  {product.genres.map((genre) => (
                    <Link
                      key={genre.slug}
                      href={`/${section}/genre=${genre.slug}`}
                      className="rounded-full bg-stone-100 px-2 py-0.5 hover:bg-stone-200"
                    >
                      {locale === 'zh' ? genre.nameZh : genre.name}
                    </Link>
                  ))}
                </dd>
              </>
            )}
          </dl>

          <Section
            id="editions-heading"
            title={t('editions', { count: product.editions.length })}
            bare
            className="mt-6"
            headingClassName="mb-3 text-lg font-bold"
          >
            <EditionList
              editions={product.editions}
              locale={locale}
              rentalFromMinor={new Map(Array.from(rentals, ([id, offer]) => [id, offer.periods[0]?.feeMinor ?? 0]))}
              actions={(edition) => {
                const rental = rentals.get(edition.id);
                return (
                  <>
                    <AddToCart
                      editionId={edition.id}
                      available={edition.digital || edition.stock > 0}
                      preorder={edition.preorder}
                    />
                    {rental && (
                      <ClientMessages namespaces={['rentals', 'rentalWaitlist']} locale={locale}>
                        <RentOffer
                          editionId={edition.id}
                          slug={product.slug}
                          periods={rental.periods.map(({ days, feeMinor }) => ({
                            days,
                            fee: formatPrice(feeMinor, locale),
                          }))}
                          deposit={formatPrice(rental.depositMinor, locale)}
                          lateFee={formatPrice(rental.lateFeePerDayMinor, locale)}
                        />
                      </ClientMessages>
                    )}
                  </>
                );
              }}
            />
          </Section>

          {product.description && (
            <Section id="about-heading" title={t('about')} bare className="mt-8" headingClassName="text-lg font-bold">
              <p className="mt-2 max-w-prose leading-relaxed text-stone-700">{product.description}</p>
            </Section>
          )}
        </div>
      </div>

      {trailer && (
        <Section id="trailer-heading" title={t('trailer')} bare className="mt-10" headingClassName="text-lg font-bold">
          <video
            controls
            preload="none"
            src={trailer.url}
            poster={images[0]?.url}
            aria-label={t('trailerOf', { title: product.title })}
            className="mt-3 aspect-video w-full max-w-3xl rounded-xl bg-black"
          />
        </Section>
      )}

      {product.tracks.length > 0 && (
        <Tracklist tracks={product.tracks} locale={locale} episodes={product.kind === 'series'} />
      )}

      {product.credits.length > 0 && (
        <Section id="credits-heading" title={t('credits')} bare className="mt-10" headingClassName="text-lg font-bold">
          <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
            {groupCredits(product.credits).map(([role, credits]) => (
              <div key={role} className="contents">
                <dt className="text-stone-500">{common(`role.${role}`)}</dt>
                <dd>
                  {credits.map((credit, index) => (
                    <span key={credit.personSlug}>
                      {index > 0 && ', '}
                      <Link href={`/people/${credit.personSlug}`} className="hover:underline">
                        {credit.name}
                      </Link>
                      {credit.character && (
                        <span className="text-stone-500"> {t('asCharacter', { character: credit.character })}</span>
                      )}
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      )}

      <ProductRecommendations productId={product.id} locale={locale} />

      <ProductReviews productId={product.id} slug={product.slug} title={product.title} locale={locale} />

      {product.moreBy && (
        <ProductRail
          title={t('moreBy', { name: product.moreBy.person.name })}
          items={product.moreBy.items}
          locale={locale}
          moreHref={`/people/${product.moreBy.person.slug}`}
          moreLabel={t('seeAllBy')}
        />
      )}
    </article>
  );
}
