'use client';

import { useFormStatus } from 'react-dom';
import { Button } from '@/components/ui/button';

/**
 * A form's submit button: disabled and announcing the work while its form's action runs (from
 * `useFormStatus`, or `pending` for work the form does itself), with `pendingLabel` meanwhile.
 */
export function SubmitButton({
  pending = false,
  pendingLabel,
  children,
  ...props
}: Omit<React.ComponentProps<typeof Button>, 'type'> & { pendingLabel?: React.ReactNode }) {
  const status = useFormStatus();
  const busy = pending || status.pending;
  return (
    <Button {...props} type="submit" pending={busy}>
      {busy && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
