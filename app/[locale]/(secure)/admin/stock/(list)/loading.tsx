// Shown inside the admin layout while the list renders: the navigation stays usable. Only the list
// (the (list) route group): under a loading boundary a record page's notFound() came too late for a
// 404 status, as the 200 and the shell were already sent.
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
