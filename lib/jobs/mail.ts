import 'server-only';
import { issueRegistrationLink } from '@/lib/accounts/registration';
import { issuePasswordResetLink } from '@/lib/accounts/reset-links';
import { deliverPendingMail, type LinkMaker, setMailDelivery } from '@/lib/mail/mutations';
import { orderUrl } from '@/lib/orders/access';

/**
 * The store's secret links, made when a mail is sent (lib/mail/secret-links.ts): an order's page with
 * its access key, a one-time password reset link, a registration's confirmation link. Mail knows no
 * domain; the domains that own the links meet it here, above them all.
 */
const makeLink: LinkMaker = async (db, link, mail) => {
  switch (link.secretLink) {
    case 'order':
      return orderUrl(link.orderId, link.number);
    case 'passwordReset':
      return mail.userId === null
        ? null
        : issuePasswordResetLink(db, { userId: mail.userId, to: mail.to, sessionVersion: link.sessionVersion });
    case 'registration':
      return issueRegistrationLink(db, link.registrationId);
  }
};

/** Sends due mail from the outbox with its secret links made now (lib/mail/deliver.ts `deliverPendingMail`). */
export function deliverMail({ limit }: { limit?: number } = {}) {
  return deliverPendingMail({ limit, makeLink });
}

setMailDelivery(() => deliverMail());
