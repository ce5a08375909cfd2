/** The look of the vault's inputs, in step with components/ui/text-field.tsx. */
export const fieldClass = "mt-1 block w-full rounded border border-gray-500 bg-white px-3 py-2";
export const labelClass = "block font-medium";
export const badgeClass = "inline-block rounded px-2 py-0.5 text-xs font-medium";
