import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { LOCALES } from '@/lib/i18n/config';
import { absoluteUrl, escapeHtml } from '@/lib/mail/layout';
import { renderMail, TEMPLATE_NAMES, type TemplateData, type TemplateName } from '@/lib/mail/templates';
import { SAMPLE_ORDER_MAIL, SAMPLE_RENTAL_KEEP_MAILS, SAMPLE_RENTAL_MAIL } from '@/tests/support/mail-samples';

const HOSTILE = `<script>alert("x")</script> "&' Tom`;
const RESET_URL = `${env.SITE_URL}/reset-password?token=abc&next=%2F`;

// One sample per template; `satisfies` makes this fail to compile when a template is added without one.
const samples = {
  passwordReset: { name: 'Ada', url: RESET_URL, expiresMinutes: 60 },
  welcome: { name: 'Ada' },
  verifyEmail: { name: 'Ada', url: `${env.SITE_URL}/verify-email?token=abc`, expiresHours: 24 },
  registrationAttempt: { name: 'Ada' },
  emailChanged: { name: 'Ada', newEmail: 'ada.new@example.com' },
  passwordChanged: { name: 'Ada' },
  orderConfirmation: {
    ...SAMPLE_ORDER_MAIL,
    lines: [{ title: 'Neon Harbour', format: 'Vinyl', quantity: 2, lineTotalMinor: 5798 }],
    totalMinor: 6297,
  },
  orderCancelled: {
    name: 'Ada',
    number: 'EN-100001',
    orderUrl: `${env.SITE_URL}/orders/EN-100001`,
    currency: 'USD',
    lines: [{ title: 'Neon Harbour', format: 'Vinyl', quantity: 1, lineTotalMinor: 2899 }],
    shippingMinor: 0,
    taxMinor: 0,
    totalMinor: 2899,
    refundedMinor: 2899,
    reason: 'customer',
  },
  returnRequested: { name: 'Ada', number: 'EN-100001', orderUrl: `${env.SITE_URL}/orders/EN-100001` },
  // The carrier's tracking page is off-site, so the shared "links only to the store" check runs without one;
  // tests/unit/admin-orders.test.ts checks the tracking link.
  orderShipped: {
    ...SAMPLE_ORDER_MAIL,
    carrier: 'Royal Mail',
    trackingNumber: 'RM123456789GB',
    trackingUrl: null,
  },
  orderDelivered: { name: 'Ada', number: 'EN-100001', orderUrl: `${env.SITE_URL}/orders/EN-100001?key=k` },
  orderLink: { name: 'Ada', number: 'EN-100001', orderUrl: `${env.SITE_URL}/orders/EN-100001?key=k`, days: 90 },
  refundIssued: {
    name: 'Ada',
    number: 'EN-100001',
    orderUrl: `${env.SITE_URL}/orders/EN-100001?key=k`,
    currency: 'USD',
    amountMinor: 1250,
    refundedTotalMinor: 1250,
    totalMinor: 3398,
  },
  returnApproved: {
    name: 'Ada',
    number: 'EN-100001',
    orderUrl: `${env.SITE_URL}/orders/EN-100001?key=k`,
    returnNumber: 'R-7',
    message: 'Please include the inner sleeve.',
  },
  returnRejected: {
    name: 'Ada',
    number: 'EN-100001',
    orderUrl: `${env.SITE_URL}/orders/EN-100001?key=k`,
    reason: 'The return window closed on 1 March.',
  },
  wishlistBackInStock: {
    name: 'Ada',
    title: 'Neon Harbour',
    format: 'vinyl',
    editionName: 'Deluxe 2×LP',
    productUrl: '/products/neon-harbour',
    priceMinor: 2899,
    currency: 'USD',
  },
  wishlistReleased: {
    name: 'Ada',
    title: 'Neon Harbour',
    format: 'cd',
    editionName: null,
    productUrl: '/products/neon-harbour',
    priceMinor: 1499,
    currency: 'USD',
    releaseDate: '2026-05-01',
  },
  wishlistCheaper: {
    name: 'Ada',
    title: 'Neon Harbour',
    format: 'bluray',
    editionName: null,
    productUrl: '/products/neon-harbour',
    priceMinor: 1999,
    currency: 'USD',
    previousPriceMinor: 2499,
  },
  rentalDispatched: SAMPLE_RENTAL_MAIL,
  rentalDueSoon: { ...SAMPLE_RENTAL_MAIL, daysLeft: 2 },
  rentalDueToday: { ...SAMPLE_RENTAL_MAIL, orderNumber: null },
  rentalOverdue: { ...SAMPLE_RENTAL_MAIL, daysLate: 3, lateFeeSoFarMinor: 450 },
  rentalWaitlistOffer: {
    name: 'Ada',
    title: 'Neon Harbour',
    format: 'bluray',
    editionName: 'Director’s Cut',
    productUrl: '/products/neon-harbour',
    holdUntil: '2026-05-02T16:30:00.000Z',
    timeZone: 'Europe/Berlin',
  },
  ...SAMPLE_RENTAL_KEEP_MAILS,
} satisfies { [K in TemplateName]: TemplateData<K> };

const render = <K extends TemplateName>(name: K, locale: 'en' | 'zh', data?: Partial<TemplateData<K>>) =>
  renderMail(name, { ...samples[name], ...data } as TemplateData<K>, locale);

const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map(([, href = '']) => href.replace(/&amp;/g, '&'));
const CJK = /[\u4e00-\u9fff]/;

describe('mail templates', () => {
  it('has a sample for every template', () => {
    expect(Object.keys(samples).sort()).toEqual([...TEMPLATE_NAMES].sort());
  });

  for (const name of TEMPLATE_NAMES) {
    for (const locale of LOCALES) {
      it(`${name} renders subject, HTML and text in ${locale}`, () => {
        const mail = render(name, locale);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.subject).not.toContain('mail.');
        expect(mail.html).toMatch(/^<!DOCTYPE html>/);
        expect(mail.html).toContain(`lang="${locale === 'en' ? 'en-US' : 'zh-CN'}"`);
        expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
        expect(mail.html).toContain('Encore');
        expect(mail.text).toContain('Ada');
        expect(mail.html).toContain('Ada');
        // No untranslated key or unfilled ICU argument leaks into the mail.
        for (const body of [mail.html, mail.text]) {
          expect(body).not.toMatch(/\{[a-zA-Z]+\}|mail\.[a-z]+/);
        }
        expect(mail.text).not.toMatch(/<[a-z]/i);
        if (locale === 'zh') {
          expect(mail.subject).toMatch(CJK);
          expect(mail.text).toMatch(CJK);
        } else {
          expect(mail.subject).not.toMatch(CJK);
          expect(mail.text).not.toMatch(CJK);
        }
      });
    }

    it(`${name} links only to absolute URLs of the store, each also in the text version`, () => {
      const mail = render(name, 'en');
      const links = hrefs(mail.html);
      expect(links.length).toBeGreaterThanOrEqual(3);
      for (const url of links) {
        expect(url.startsWith(env.SITE_URL)).toBe(true);
        expect(mail.text).toContain(url);
      }
    });

    it(`${name} escapes hostile names in HTML and keeps them readable in text`, () => {
      const mail = render(name, 'en', { name: HOSTILE } as Partial<TemplateData<typeof name>>);
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;&amp;&#39; Tom');
      expect(mail.text).toContain(HOSTILE);
    });
  }

  it('puts the reset link under the button and in the text, with & escaped in HTML', () => {
    for (const locale of LOCALES) {
      const mail = render('passwordReset', locale);
      expect(hrefs(mail.html).filter((url) => url === RESET_URL)).toHaveLength(2);
      expect(mail.html).toContain(`>${escapeHtml(RESET_URL)}</a>`);
      expect(mail.text).toContain(`\n${RESET_URL}\n`);
    }
    expect(render('passwordReset', 'en').text).toContain('60 minutes');
    expect(render('passwordReset', 'en', { expiresMinutes: 1 }).text).toContain('1 minute.');
    expect(render('passwordReset', 'zh').text).toContain('60 分钟');
  });

  it('makes site paths absolute and refuses other schemes', () => {
    const mail = render('passwordReset', 'en', { url: '/reset-password?token=xyz' });
    expect(mail.text).toContain(`${env.SITE_URL}/reset-password?token=xyz`);
    expect(() => render('passwordReset', 'en', { url: 'javascript:alert(1)' })).toThrow(/absolute/);
    expect(() => render('passwordReset', 'en', { url: '//evil.example/x' })).toThrow(/absolute/);
    expect(absoluteUrl('https://cdn.example.com/a b')).toBe('https://cdn.example.com/a%20b');
  });

  it('escapes the new address of emailChanged and a hostile one in the preheader', () => {
    const mail = render('emailChanged', 'en', { newEmail: 'x"><img src=x onerror=alert(1)>@example.com' });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;@example.com');
  });

  it('greets without a name when there is none', () => {
    expect(render('welcome', 'en', { name: '  ' }).text).toContain('Hello,');
    expect(render('welcome', 'zh', { name: '' }).text).toContain('您好：');
  });
});

describe('rental mails', () => {
  it('state the due date in the mail language, the copy, the late fee and how to return it', () => {
    const en = render('rentalDispatched', 'en');
    expect(en.subject).toBe('Neon Harbour is on its way: due back by April 8, 2026');
    expect(en.text).toContain('BR-0042');
    expect(en.text).toContain('$1.50 a day');
    expect(en.text).toContain('$24.99');
    expect(en.text).toContain('with a note of the order number EN-100001');
    expect(en.text).toContain(`${env.SITE_URL}/account/rentals`);
    const zh = render('rentalDispatched', 'zh');
    expect(zh.subject).toContain('2026年4月8日');
    expect(zh.text).toContain('每天 US$1.50');
    expect(render('rentalDueToday', 'en').text).toContain('post the disc back to us in its case so that');
    expect(en.text).not.toContain('Tracking number');
    const tracked = render('rentalDispatched', 'en', {
      carrier: 'Royal Mail',
      trackingNumber: 'AB123456789GB',
      trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB',
    });
    expect(tracked.text).toContain('Royal Mail');
    expect(tracked.html).toContain('href="https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB"');
    expect(render('rentalDispatched', 'zh', { carrier: 'Royal Mail', trackingNumber: 'AB123456789GB' }).text).toContain(
      '运单号',
    );
  });

  it('count the days left and the days late, and give the late fee so far and its cap', () => {
    expect(render('rentalDueSoon', 'en').text).toContain('due back by April 8, 2026, in 2 days');
    expect(render('rentalDueSoon', 'en', { daysLeft: 1 }).text).toContain('in 1 day.');
    const overdue = render('rentalOverdue', 'en');
    expect(overdue.text).toContain('now 3 days late');
    expect(overdue.text).toContain('Late fee so far: $4.50 ($1.50 a day). It never goes above the deposit of $24.99');
    expect(render('rentalOverdue', 'zh').text).toContain('已逾期 3 天');
  });
});
