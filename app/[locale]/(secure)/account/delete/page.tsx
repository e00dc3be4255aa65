import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AccountDeleted, DeleteAccountForm } from '@/components/account/delete-account-form';
import { Section } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import type { FormState } from '@/lib/actions/registration';
import { userOrSignIn } from '@/lib/auth/guards';
import { formResult } from '@/lib/http/form-result';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { userHasOpenReturn } from '@/lib/orders/open-returns';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request: rendered in full before its first byte (no loading.tsx, whose
// streamed page only a script reveals); the account layout shows a skeleton while a link is pending.
export const instant = false;

export const generateMetadata = titleMetadata('account.delete');

/** The deletion policy, in the order the page lists it (texts under account.delete.policy). */
const POLICY = ['profile', 'data', 'sessions', 'orders', 'linked', 'reviews', 'reuse'] as const;

export default async function AccountDeletePage({ params }: Props) {
  const locale = await resolveLocale(params);
  // Posted without JavaScript, the page comes back after the account and its sessions are gone: no
  // user to ask for sign-in, the page says it is done.
  const deleted = (await formResult<FormState>('deleteAccount'))?.ok === true;
  const user = deleted ? null : await userOrSignIn('/account/delete');
  const t = await getTranslations({ locale, namespace: 'account.delete' });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Section
        id="delete-policy"
        title={t('policyTitle')}
        className="p-4 sm:p-6"
        headingClassName="text-lg font-semibold"
      >
        <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-stone-700">
          {POLICY.map((key) => (
            <li key={key}>{t(`policy.${key}`)}</li>
          ))}
        </ul>
      </Section>
      <Section
        id="delete-confirm"
        title={t('confirmTitle')}
        bare
        className="rounded-xl border border-brand-100 bg-white p-4 sm:p-6"
        headingClassName="mb-4 text-lg font-semibold"
      >
        {!user ? (
          <AccountDeleted />
        ) : user.role === 'admin' ? (
          <p className="text-sm text-stone-700">{t('adminNote')}</p>
        ) : (await userHasOpenReturn(user.id)) ? (
          <p className="text-sm text-stone-700">
            {t.rich('returnOpenNote', {
              link: (chunks) => (
                <Link href="/account/orders" className="font-medium text-brand-700 underline hover:no-underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : (
          <DeleteAccountForm hasPassword={user.hasPassword} username={user.username} />
        )}
      </Section>
    </div>
  );
}
