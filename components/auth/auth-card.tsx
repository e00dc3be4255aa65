import { TextLink } from '@/components/ui/text-link';

/** What the sign-in, registration and password pages get from Next. */
export type AuthPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The frame of the sign-in, registration and password pages. */
export function AuthCard({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <div className="container-page flex justify-center py-10 sm:py-16">
      <div className="w-full max-w-md rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-black tracking-tight">{title}</h1>
        {intro && <div className="mt-2 text-sm text-stone-600">{intro}</div>}
        <div className="mt-6">{children}</div>
        {footer && (
          <div className="mt-6 border-t border-stone-100 pt-4 text-center text-sm text-stone-600">{footer}</div>
        )}
      </div>
    </div>
  );
}

/** What a page opened from a mailed link shows when the link is no longer good: why, and where to get another. */
export function LinkProblem({ message, href, action }: { message: string; href: string; action: string }) {
  return (
    <div className="space-y-4 text-sm">
      <p role="alert" className="rounded-lg bg-brand-50 p-4 text-brand-700">
        {message}
      </p>
      <TextLink href={href}>{action}</TextLink>
    </div>
  );
}
