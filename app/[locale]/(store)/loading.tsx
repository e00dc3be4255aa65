/** Skeleton shown while a page streams in. */
export default function Loading() {
  return (
    <div className="container-page mt-6 animate-pulse" aria-busy="true">
      <div className="h-8 w-48 rounded bg-stone-200" />
      <div className="mt-8 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i}>
            <div className="aspect-square rounded-lg bg-stone-200" />
            <div className="mt-2 h-4 w-3/4 rounded bg-stone-200" />
            <div className="mt-1 h-3 w-1/2 rounded bg-stone-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
