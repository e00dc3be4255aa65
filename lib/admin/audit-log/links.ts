/**
 * Where an audited entity lives in the back office, when it has a page: the audit log links there.
 * Entities are named by the code that records them (lib/admin/<area>/mutations.ts); an entity not
 * listed here is shown without a link. Other areas add their entity here as their pages appear.
 */
type Record_ = Record<string, unknown> | null;

const ORDER_NUMBER = /^EN-\d{1,12}$/;
const NUMERIC_ID = /^\d{1,10}$/;

export function auditEntityHref(
  entity: string,
  entityId: string,
  before?: Record_,
  after?: Record_,
  /** The order's number when the query could resolve it (order entries are recorded by numeric id). */
  orderNumber?: string | null,
): string | null {
  const id = encodeURIComponent(entityId);
  switch (entity) {
    case 'user':
      return NUMERIC_ID.test(entityId) ? `/admin/customers/${id}` : null;
    case 'review':
      return NUMERIC_ID.test(entityId) ? `/admin/reviews?review=${id}` : null;
    case 'edition':
    case 'stock':
      return NUMERIC_ID.test(entityId) ? `/admin/stock/${id}` : null;
    case 'return':
      return NUMERIC_ID.test(entityId) ? `/admin/returns/${id}` : null;
    case 'rental_copy': {
      // A copy's page is its edition's copies; the records carry the edition.
      const editionId = [after?.editionId, before?.editionId].find((value) => Number.isSafeInteger(value));
      return editionId ? `/admin/rentals/copies/${String(editionId)}` : null;
    }
    case 'order':
    case 'refund':
    case 'shipment': {
      // Orders are addressed by number; an entry may carry it as its id or in its records.
      const number = [
        orderNumber,
        entityId,
        after?.number,
        before?.number,
        after?.orderNumber,
        before?.orderNumber,
      ].find((value): value is string => typeof value === 'string' && ORDER_NUMBER.test(value));
      return number ? `/admin/orders/${encodeURIComponent(number)}` : null;
    }
    default:
      return null;
  }
}
