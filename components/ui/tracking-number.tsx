/** A shipment's tracking number: a link to the carrier's tracking page when there is one (in a new tab). */
export function TrackingNumber({
  number,
  url,
  className,
}: {
  number: string;
  url: string | null;
  /** The number's style (monospace, bold). */
  className: string;
}) {
  if (!url) return <span className={className}>{number}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className={`${className} text-brand-700 underline`}>
      {number}
    </a>
  );
}
