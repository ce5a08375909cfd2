import type { ComponentProps } from "react";

const variants = {
  primary: "bg-brand text-white hover:bg-brand-dark disabled:opacity-60",
  secondary: "border border-brand text-brand hover:bg-brand-light disabled:opacity-60",
  link: "text-brand underline hover:no-underline",
};

export type ButtonVariant = keyof typeof variants;

/** The look of a button, for a link that must look like one (a download, a cancel that navigates). */
export function buttonClass(variant: ButtonVariant = "primary"): string {
  return `rounded px-4 py-2 font-medium ${variants[variant]}`;
}

/** A button in one of the app's looks. `ref` is a plain prop in React 19, for the forms that move focus. */
export function Button({ variant = "primary", className, ...props }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button className={className ? `${buttonClass(variant)} ${className}` : buttonClass(variant)} {...props} />;
}
