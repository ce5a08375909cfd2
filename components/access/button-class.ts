/** The look of components/ui/button.tsx, for the buttons here that need a ref (focus management). */
const variants = {
  primary: "bg-brand text-white hover:bg-brand-dark disabled:opacity-60",
  secondary: "border border-brand text-brand hover:bg-brand-light disabled:opacity-60",
  link: "text-brand underline hover:no-underline",
};

export function buttonClass(variant: keyof typeof variants = "primary"): string {
  return `rounded px-4 py-2 font-medium ${variants[variant]}`;
}
