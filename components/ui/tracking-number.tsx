/**
 * A shipment's tracking number: a link to the carrier's tracking page (in a new tab) when there is
 * one, else the number alone. `className` sets its type (bold on the shopper's order page, monospace
 * in the back office).
 */
export function TrackingNumber({ number, url, className }: { number: string; url: string | null; className: string }) {
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer" className={`${className} text-brand-700 underline`}>
      {number}
    </a>
  ) : (
    <span className={className}>{number}</span>
  );
}
