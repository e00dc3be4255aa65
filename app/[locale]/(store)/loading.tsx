/**
 * Skeleton shown while a page streams in. Kept small: it is part of every catalog page's HTML and
 * payload (the fallback of the pages' loading boundary).
 */
export default function Loading() {
  return (
    <div className="container-page mt-6 animate-pulse" aria-busy="true">
      <div className="skeleton h-8 w-48" />
      <div className="mt-8 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="skeleton aspect-square" />
        ))}
      </div>
    </div>
  );
}
