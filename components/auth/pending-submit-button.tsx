"use client";
import { useFormStatus } from "react-dom";

/**
 * A form's submit button that says it is working while the form's action runs. Its texts come
 * translated from the server, so it needs no translation provider on the page.
 */
export function PendingSubmitButton({ label, pendingLabel, className }: { label: string; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? pendingLabel : label}
    </button>
  );
}
