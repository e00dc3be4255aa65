const TONES = {
  brand: 'bg-brand-50 text-brand-700 ring-brand-100',
  info: 'bg-sky-50 text-sky-800 ring-sky-100',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-100',
  muted: 'bg-stone-100 text-stone-600 ring-stone-200',
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = 'muted', children }: { tone?: BadgeTone; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
