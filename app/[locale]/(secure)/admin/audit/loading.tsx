// Shown inside the admin layout while the audit log renders: the navigation stays, the entries stream in.
export default function AdminAuditLoading() {
  return (
    <div aria-hidden className="animate-pulse space-y-4">
      <div className="h-8 w-48 rounded-md bg-stone-200" />
      <div className="h-10 w-full max-w-3xl rounded-lg bg-stone-100" />
      {[0, 1, 2, 3].map((index) => (
        <div key={index} className="h-28 rounded-xl border border-stone-200 bg-white" />
      ))}
    </div>
  );
}
