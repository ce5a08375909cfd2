"use client";
import { useTranslations } from "next-intl";
import { useState, type ComponentProps } from "react";
import { Field, type FieldProps } from "./field";

type Props = FieldProps & Omit<ComponentProps<"input">, "id" | "className" | "type">;

/**
 * A password input with a "show" toggle: one new-password field the person can check is easier and
 * as safe as typing it twice (NIST 800-63B § 3.1.1.2). Label, hint and error as every Field.
 */
export function PasswordField({ label, hint, error, id, className, describedBy, ...input }: Props) {
  const t = useTranslations("security.form");
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className} describedBy={describedBy}>
      {(control) => (
        <div className="mt-1 flex gap-2">
          <input
            {...control}
            type={visible ? "text" : "password"}
            className={`block w-full rounded border px-3 py-2 ${error ? "border-red-700" : "border-gray-500"}`}
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            {...input}
          />
          <button
            type="button"
            aria-controls={control.id}
            aria-pressed={visible}
            onClick={() => setVisible((shown) => !shown)}
            className="shrink-0 rounded border border-brand px-3 py-2 text-sm font-medium text-brand hover:bg-brand-light"
          >
            {t("showPassword")}
            <span className="sr-only"> {label}</span>
          </button>
        </div>
      )}
    </Field>
  );
}
