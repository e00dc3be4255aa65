/** A page's title and, under it, a sentence on what the page holds. */
export function PageHeader({ title, intro }: { title: React.ReactNode; intro?: React.ReactNode }) {
  return (
    <div>
      <h1 className="text-2xl font-black tracking-tight">{title}</h1>
      {intro && <p className="mt-1 text-sm text-stone-600">{intro}</p>}
    </div>
  );
}
