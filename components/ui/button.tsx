import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-brand text-white hover:bg-brand-dark disabled:opacity-60",
  secondary: "border border-brand text-brand hover:bg-brand-light disabled:opacity-60",
  link: "text-brand underline hover:no-underline",
};

export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return <button className={`rounded px-4 py-2 font-medium ${variants[variant]} ${className}`} {...props} />;
}
