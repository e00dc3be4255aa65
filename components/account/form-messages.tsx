/**
 * The two live regions under an account form: a form-level error (announced assertively) and a
 * success message (announced politely). Both stay in the page, never display:none, so that screen
 * readers announce the text when it appears.
 */
export function FormMessages({ error, success }: { error?: string | null; success?: string | null }) {
  return (
    <div>
      <p role="alert" aria-live="assertive" className="text-sm font-medium text-brand-700">
        {error}
      </p>
      <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {success}
      </p>
    </div>
  );
}
