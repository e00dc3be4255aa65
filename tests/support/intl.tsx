import { render } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { AdminFlashProvider } from '@/components/admin/admin-flash';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';

/** Renders a client component with the store's messages in `locale`, as the app's provider does. */
export function renderWithMessages(ui: React.ReactNode, locale: Locale = 'en') {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      {ui}
    </NextIntlClientProvider>,
  );
}

/** Renders a back-office client component: English messages and the admin flash messages' provider. */
export function renderAdmin(ui: React.ReactNode) {
  return renderWithMessages(<AdminFlashProvider>{ui}</AdminFlashProvider>);
}
