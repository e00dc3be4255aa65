'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog (the packing slip's print styles hide everything else). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
