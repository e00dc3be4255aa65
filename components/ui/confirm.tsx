'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button, buttonClass } from './button';
import { useScripted } from './form/use-scripted';

type PanelProps = {
  question: React.ReactNode;
  confirm: React.ReactNode;
  cancel: React.ReactNode;
  /** Runs the confirmed step; without it the confirm button submits the form around the panel. */
  onConfirm?: () => void;
  onCancel: () => void;
  confirmVariant?: 'primary' | 'danger';
  pending?: boolean;
  /** The panel's name; by default its question names it. */
  label?: string;
  /** `alertdialog` where the question interrupts other work (a bulk change). */
  role?: 'group' | 'alertdialog';
  className?: string;
  /** Shown under the buttons: the outcome, an error. */
  children?: React.ReactNode;
  /** Move focus to the confirm button when the panel appears (not when it is drawn closed). */
  autoFocus?: boolean;
};

const PANEL_CLASS = 'space-y-3 rounded-lg bg-stone-50 p-3 text-sm ring-1 ring-stone-200';

/**
 * The question before a step that cannot be undone, with its two answers. Focus moves to the
 * confirm button when it appears; Escape, like the cancel button, answers no. Without JavaScript the
 * cancel button, which could do nothing, is left out.
 */
export function ConfirmPanel({
  question,
  confirm,
  cancel,
  onConfirm,
  onCancel,
  confirmVariant = 'primary',
  pending = false,
  label,
  role = 'group',
  className = PANEL_CLASS,
  children,
  autoFocus = true,
}: PanelProps) {
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const scripted = useScripted();
  useEffect(() => {
    if (autoFocus) confirmRef.current?.focus();
  }, [autoFocus]);
  return (
    <div
      role={role}
      aria-label={label}
      aria-labelledby={label ? undefined : questionId}
      className={className}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !pending) {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={questionId} className="font-medium text-stone-900">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          ref={confirmRef}
          type={onConfirm ? 'button' : 'submit'}
          variant={confirmVariant}
          pending={pending}
          onClick={onConfirm}
        >
          {confirm}
        </Button>
        {scripted && (
          <Button type="button" variant="secondary" disabled={pending} onClick={onCancel}>
            {cancel}
          </Button>
        )}
      </div>
      {children}
    </div>
  );
}

/**
 * A button that asks before it acts: it opens a `ConfirmPanel` in its place, and when the panel
 * closes without the step having removed it, focus goes back to the button.
 *
 * Without JavaScript (the server's HTML, until React hydrates), a panel that submits the form around
 * it is a disclosure: the trigger is the `<summary>` of a `<details>` that holds the panel, so the
 * browser opens it and its confirm button posts the form. A panel with `onConfirm` needs the script.
 */
export function ConfirmButton({
  trigger,
  triggerVariant = 'secondary',
  triggerClassName,
  disabled = false,
  open: controlledOpen,
  onOpenChange,
  ...panel
}: Omit<PanelProps, 'onCancel'> & {
  trigger: React.ReactNode;
  triggerVariant?: 'primary' | 'secondary' | 'danger';
  triggerClassName?: string;
  disabled?: boolean;
  /** Open and close it from outside (to close it after the step, or to compute the question first). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    setOwnOpen(next);
    onOpenChange?.(next);
  };
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const scripted = useScripted();
  useEffect(() => {
    if (!open && wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!scripted && !open && !disabled && !panel.onConfirm) {
    return (
      <details>
        <summary
          className={buttonClass(
            triggerVariant,
            `cursor-pointer list-none [&::-webkit-details-marker]:hidden ${triggerClassName ?? ''}`,
          )}
        >
          {trigger}
        </summary>
        <ConfirmPanel
          {...panel}
          autoFocus={false}
          onCancel={() => {}}
          className={`mt-2 ${panel.className ?? PANEL_CLASS}`}
        />
      </details>
    );
  }
  return open ? (
    <ConfirmPanel {...panel} onCancel={() => setOpen(false)} />
  ) : (
    <Button
      ref={triggerRef}
      type="button"
      variant={triggerVariant}
      className={triggerClassName}
      disabled={disabled}
      onClick={() => setOpen(true)}
    >
      {trigger}
    </Button>
  );
}
