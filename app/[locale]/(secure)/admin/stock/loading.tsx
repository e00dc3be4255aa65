// Shown inside the admin layout while the list or record renders: the navigation stays usable.
export default function Loading() {
  return (
    <div aria-hidden className="animate-pulse space-y-4">
      <div className="h-8 w-48 rounded-md bg-stone-200" />
      <div className="h-10 w-full max-w-xl rounded-lg bg-stone-100" />
      <div className="h-8 w-full max-w-2xl rounded-full bg-stone-100" />
      <div className="h-72 rounded-xl border border-stone-200 bg-white" />
    </div>
  );
}
