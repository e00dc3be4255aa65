// Shown inside the account layout while a section renders: the navigation appears at once and the
// page, which needs the session and the database, streams in after it.
export default function AccountLoading() {
  return (
    <div aria-hidden className="animate-pulse space-y-6">
      <div className="h-8 w-48 rounded-md bg-stone-200" />
      <div className="h-4 w-full max-w-lg rounded bg-stone-100" />
      <div className="h-48 rounded-xl border border-stone-200 bg-white" />
      <div className="h-32 rounded-xl border border-stone-200 bg-white" />
    </div>
  );
}
