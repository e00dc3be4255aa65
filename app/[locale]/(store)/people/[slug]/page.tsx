import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ProductGrid } from '@/components/store/product-rail';
import { getPerson } from '@/lib/catalog/detail-queries';
import { resolveLocale } from '@/lib/i18n/server';

type Props = { params: Promise<{ locale: string; slug: string }> };

// People render on first request and are then cached (Partial Prefetching: see the product page);
// one placeholder satisfies build validation.
export const prefetch = 'partial';
export function generateStaticParams() {
  return [{ slug: 'marlow-vance' }];
}

async function loadPerson(params: Props['params']) {
  const { slug } = await params;
  const person = await getPerson(slug);
  if (!person) notFound();
  return person;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await resolveLocale(params);
  const person = await loadPerson(params);
  return {
    title: person.originalName ? `${person.name} (${person.originalName})` : person.name,
    description: person.bio ?? undefined,
    alternates: { canonical: `/people/${person.slug}` },
  };
}

export default async function PersonPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const person = await loadPerson(params);
  const t = await getTranslations({ locale, namespace: 'people' });
  const common = await getTranslations({ locale, namespace: 'common' });
  return (
    <div className="container-page mt-8">
      <h1 className="text-3xl font-black tracking-tight">
        {person.name}
        {person.originalName && (
          <span className="ml-3 text-xl font-normal text-stone-600" lang="und">
            {person.originalName}
          </span>
        )}
      </h1>
      {person.bio && <p className="mt-3 max-w-prose text-stone-700">{person.bio}</p>}
      {person.roles.length === 0 && <p className="mt-6 text-stone-600">{t('empty')}</p>}
      {person.roles.map(({ role, items }) => (
        <section key={role} aria-labelledby={`role-${role}`} className="mt-10">
          <h2 id={`role-${role}`} className="mb-4 text-lg font-bold">
            {t('asRole', { role: common(`role.${role}`), count: items.length })}
          </h2>
          <ProductGrid items={items} locale={locale} />
        </section>
      ))}
    </div>
  );
}
