/**
 * A page that stands for an HTTP status (404, 403): the code in large type, what it means, and the
 * ways on (links as `children`).
 */
export function StatusPage({
  code,
  title,
  text,
  children,
}: {
  code: number;
  title: string;
  text: string;
  children: React.ReactNode;
}) {
  return (
    <div className="container-page py-20 text-center">
      <p className="text-6xl font-black text-brand-600">{code}</p>
      <h1 className="mt-4 text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-stone-600">{text}</p>
      <div className="mt-6 flex justify-center gap-3">{children}</div>
    </div>
  );
}
