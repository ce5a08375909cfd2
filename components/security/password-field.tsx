"use client";
import { useTranslations } from "next-intl";
import { useState, type InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { name: string; label: string; hint?: string; error?: string };

/**
 * A password input with a "show" toggle: one new-password field the person can check is easier and
 * as safe as typing it twice (NIST 800-63B § 3.1.1.2). Hint and error are tied to the input with
 * aria-describedby, as in TextField.
 */
export function PasswordField({ name, label, hint, error, id = `field-${name}`, className, ...input }: Props) {
  const t = useTranslations("security.form");
  const [visible, setVisible] = useState(false);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          name={name}
          type={visible ? "text" : "password"}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          className={`block w-full rounded border px-3 py-2 ${error ? "border-red-700" : "border-gray-500"}`}
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          {...input}
        />
        <button
          type="button"
          aria-controls={id}
          aria-pressed={visible}
          onClick={() => setVisible((shown) => !shown)}
          className="shrink-0 rounded border border-brand px-3 py-2 text-sm font-medium text-brand hover:bg-brand-light"
        >
          {t("showPassword")}
          <span className="sr-only"> {label}</span>
        </button>
      </div>
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
