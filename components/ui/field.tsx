import { useId, type ComponentProps, type ReactNode } from "react";
import { controlClass, labelClass } from "./field-classes";

/** `describedBy`: ids of other text that also describes the control (a warning above the form, say). */
export type FieldProps = { label: ReactNode; hint?: ReactNode; error?: string; id?: string; className?: string; describedBy?: string };

/** What a field gives its control: the id its label points to, and the hint and error it is described by. */
export type FieldControl = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

/**
 * A label, an optional hint, one control and its error, tied together so that a screen reader
 * announces the hint and the error with the control (aria-describedby, aria-invalid; RGAA 11.1,
 * 11.10). The id is generated unless given, so two forms of a page never share one.
 */
export function Field({
  label,
  hint,
  error,
  id: givenId,
  className,
  describedBy,
  children,
}: FieldProps & { children: (control: FieldControl) => ReactNode }) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-describedby": [describedBy, hintId, errorId].filter(Boolean).join(" ") || undefined,
        "aria-invalid": error ? true : undefined,
      })}
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

type Own = FieldProps;

/** A labelled text input (any input type but a password's: PasswordField). */
export function TextField({
  label,
  hint,
  error,
  id,
  className,
  describedBy,
  ...input
}: Own & Omit<ComponentProps<"input">, "id" | "className">) {
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className} describedBy={describedBy}>
      {(control) => <input {...control} className={controlClass(error)} {...input} />}
    </Field>
  );
}

/** A labelled multi-line text. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  className,
  describedBy,
  ...textarea
}: Own & Omit<ComponentProps<"textarea">, "id" | "className">) {
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className} describedBy={describedBy}>
      {(control) => <textarea {...control} className={controlClass(error)} {...textarea} />}
    </Field>
  );
}

/** A labelled select; its options are the children. */
export function SelectField({
  label,
  hint,
  error,
  id,
  className,
  describedBy,
  children,
  ...select
}: Own & Omit<ComponentProps<"select">, "id" | "className">) {
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className} describedBy={describedBy}>
      {(control) => (
        <select {...control} className={controlClass(error)} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}
