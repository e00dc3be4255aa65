import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { resolveLocale } from '@/lib/i18n/server';

type Props = { params: Promise<{ locale: string }> };

const TOPICS = ['register', 'password', 'pay', 'track', 'return', 'rent', 'language'] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'help' });
  return { title: t('title'), description: t('intro') };
}

/** A static FAQ: no data, no per-user content, prerendered once per locale. */
export default async function HelpPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'help' });
  return (
    <div className="container-page mt-8 max-w-3xl">
      <h1 className="text-3xl font-black tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-stone-600">{t('intro')}</p>
      <nav aria-label={t('contents')} className="mt-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          {TOPICS.map((topic) => (
            <li key={topic}>
              <a href={`#${topic}`} className="block rounded-full px-3 py-1 ring-1 ring-stone-300 hover:bg-stone-100">
                {t(`topics.${topic}.short`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-8 divide-y divide-stone-200">
        {TOPICS.map((topic) => (
          <section key={topic} id={topic} aria-labelledby={`${topic}-q`} className="scroll-mt-32 py-6">
            <h2 id={`${topic}-q`} className="text-lg font-bold">
              {t(`topics.${topic}.question`)}
            </h2>
            <div className="mt-2 space-y-2 leading-relaxed text-stone-700">
              {t(`topics.${topic}.answer`)
                .split('\n')
                .map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
