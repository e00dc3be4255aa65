/**
 * A rating as five stars, filled to `rating` (0–5, fractions allowed). One image to assistive
 * technology, named by `label` ("4 out of 5 stars"); the glyphs themselves are hidden. Works in server
 * and client components (no hooks).
 */
export function Stars({ rating, label, className = '' }: { rating: number; label: string; className?: string }) {
  const width = `${Math.max(0, Math.min(5, rating)) * 20}%`;
  return (
    <span role="img" aria-label={label} className={`relative inline-block whitespace-nowrap leading-none ${className}`}>
      <span aria-hidden className="text-stone-300">
        ★★★★★
      </span>
      <span aria-hidden className="absolute inset-y-0 left-0 overflow-hidden text-amber-500" style={{ width }}>
        ★★★★★
      </span>
    </span>
  );
}
