/**
 * Skeleton of a product grid, shown while results that depend on the request stream in (search).
 * Catalog pages have no route-wide loading boundary: they are served whole from the cache, and an
 * unknown product or person then answers a real 404 rather than a streamed "soft" one.
 */
export function PageSkeleton() {
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
