'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** One button per OAuth provider switched on by the environment. */
export function OAuthButtons({ providers, next }: { providers: { id: string; name: string }[]; next: string }) {
  const t = useTranslations('auth');
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2">
      <p className="text-center text-xs uppercase tracking-wide text-stone-500">{t('orContinueWith')}</p>
      {providers.map((provider) => (
        <Button
          key={provider.id}
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => signIn(provider.id, { callbackUrl: next })}
        >
          {t('continueWith', { provider: provider.name })}
        </Button>
      ))}
    </div>
  );
}
