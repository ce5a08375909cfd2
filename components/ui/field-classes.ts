/** The look of a field's control; a field in error has a red border as well as its message. */
export function controlClass(error?: string): string {
  return `mt-1 block w-full rounded border bg-white px-3 py-2 ${error ? "border-red-700" : "border-gray-500"}`;
}

/** For the controls laid out by hand (checkbox lists, filter bars): the look of ui/field.tsx's. */
export const fieldClass = controlClass();
export const labelClass = "block font-medium";
export const badgeClass = "inline-block rounded px-2 py-0.5 text-xs font-medium";
