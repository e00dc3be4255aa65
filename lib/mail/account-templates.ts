import { greeting, MAIL_LINKS, template, tOrders } from './template-kit';

/** Mails about the shopper's account: sign-up, addresses, passwords. */
export const accountTemplates = {
  /** `url` is the one-time reset link (absolute, or a site path). */
  passwordReset: template<{ name: string; url: string; expiresMinutes: number }>(
    ({ name, url, expiresMinutes }, { t }) => ({
      subject: t('passwordReset.subject'),
      preheader: t('passwordReset.preheader', { expiresMinutes }),
      heading: t('passwordReset.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: t('passwordReset.intro') },
        { kind: 'button', label: t('passwordReset.action'), url },
        { kind: 'note', text: t('passwordReset.expiry', { expiresMinutes }) },
        { kind: 'note', text: t('passwordReset.ignore') },
      ],
    }),
  ),

  welcome: template<{ name: string }>(({ name }, { t }) => ({
    subject: t('welcome.subject'),
    preheader: t('welcome.preheader'),
    heading: t('welcome.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: t('welcome.intro') },
      { kind: 'button', label: t('welcome.action'), url: MAIL_LINKS.home },
      { kind: 'note', text: t('welcome.help'), link: { label: t('welcome.helpLink'), url: MAIL_LINKS.help } },
    ],
  })),

  /** `url` is the one-time link that confirms the address and finishes the registration. */
  verifyEmail: template<{ name: string; url: string; expiresHours: number }>(({ name, url, expiresHours }, { t }) => ({
    subject: tOrders(t)('verifyEmail.subject'),
    preheader: tOrders(t)('verifyEmail.preheader', { expiresHours }),
    heading: tOrders(t)('verifyEmail.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: tOrders(t)('verifyEmail.intro') },
      { kind: 'button', label: tOrders(t)('verifyEmail.action'), url },
      { kind: 'note', text: tOrders(t)('verifyEmail.expiry', { expiresHours }) },
      { kind: 'note', text: tOrders(t)('verifyEmail.ignore') },
    ],
  })),

  /** To the owner of an address someone tried to register again: no link, only what to do. */
  registrationAttempt: template<{ name: string }>(({ name }, { t }) => ({
    subject: tOrders(t)('registrationAttempt.subject'),
    preheader: tOrders(t)('registrationAttempt.preheader'),
    heading: tOrders(t)('registrationAttempt.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: tOrders(t)('registrationAttempt.intro') },
      { kind: 'button', label: tOrders(t)('registrationAttempt.signIn'), url: MAIL_LINKS.signIn },
      {
        kind: 'note',
        text: tOrders(t)('registrationAttempt.forgot'),
        link: { label: tOrders(t)('registrationAttempt.forgotLink'), url: MAIL_LINKS.forgotPassword },
      },
      { kind: 'note', text: tOrders(t)('registrationAttempt.notYou') },
    ],
  })),

  /** Sent to the previous address, so that its owner learns of a change they may not have made. */
  emailChanged: template<{ name: string; newEmail: string }>(({ name, newEmail }, { t }) => ({
    subject: t('emailChanged.subject'),
    preheader: t('emailChanged.preheader', { newEmail }),
    heading: t('emailChanged.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: t('emailChanged.intro', { newEmail }) },
      { kind: 'note', text: t('emailChanged.notYou') },
      { kind: 'button', label: t('emailChanged.action'), url: MAIL_LINKS.help },
    ],
  })),

  passwordChanged: template<{ name: string }>(({ name }, { t }) => ({
    subject: t('passwordChanged.subject'),
    preheader: t('passwordChanged.preheader'),
    heading: t('passwordChanged.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: t('passwordChanged.intro') },
      { kind: 'note', text: t('passwordChanged.notYou') },
      { kind: 'button', label: t('passwordChanged.action'), url: MAIL_LINKS.forgotPassword },
    ],
  })),
};
