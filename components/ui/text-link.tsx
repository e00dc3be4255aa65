import Link from 'next/link';

/** A link within a text, in the brand's colour ("Back to sign in", "Create an account"). */
export function TextLink({ className = '', ...link }: React.ComponentProps<typeof Link>) {
  return <Link {...link} className={`font-semibold text-brand-700 hover:underline ${className}`} />;
}
