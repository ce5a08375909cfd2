import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";

/**
 * The field of a one-time code sent by e-mail or SMS. Its error is an alert below it, announced as it
 * appears, and the field is described by its hint and, once there is one, by that error.
 */
export function OneTimeCodeField({ id, label, hint, error }: { id: string; label: string; hint: string; error: string | null }) {
  const errorId = `${id}-error`;
  return (
    <>
      <TextField
        id={id}
        name="code"
        label={label}
        hint={hint}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${errorId}` : `${id}-hint`}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9 ]{6,7}"
        maxLength={7}
        required
      />
      {error && (
        <div id={errorId}>
          <FormAlert>{error}</FormAlert>
        </div>
      )}
    </>
  );
}
