export type PostalAddress = {
  name: string | null;
  line1: string | null;
  line2?: string | null;
  postalCode?: string | null;
  city: string | null;
  region?: string | null;
  country: string | null;
  phone?: string | null;
};

/** The lines of a postal address, one per line, empty parts left out; the phone last when asked for. */
export function AddressBlock({
  address,
  withPhone = false,
  className = 'text-sm',
  phoneClassName = 'mt-1 text-stone-600',
}: {
  address: PostalAddress;
  withPhone?: boolean;
  className?: string;
  phoneClassName?: string;
}) {
  const lines = [
    address.name,
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    address.country,
  ].filter(Boolean);
  return (
    <address className={`not-italic ${className}`}>
      {lines.map((line, index) => (
        <span key={index} className="block">
          {line}
        </span>
      ))}
      {withPhone && address.phone && <span className={`block ${phoneClassName}`}>{address.phone}</span>}
    </address>
  );
}
