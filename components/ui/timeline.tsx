/** A record's history, oldest or newest first as given: one `<li>` a step, on a line down the left. */
export function Timeline({
  className = 'mt-3 space-y-3',
  children,
}: {
  className?: string;
  children: React.ReactNode;
}) {
  return <ol className={`${className} border-l-2 border-stone-200 pl-4 text-sm`}>{children}</ol>;
}
