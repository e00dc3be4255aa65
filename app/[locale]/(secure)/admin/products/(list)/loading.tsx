/** Skeleton of the catalog pages while they load. */
export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-4">
      <div className="h-8 w-48 rounded bg-stone-200" />
      <div className="h-10 rounded bg-stone-100" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-12 rounded bg-stone-100" />
      ))}
    </div>
  );
}
