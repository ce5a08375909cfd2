"use client";
import { useTranslations } from "next-intl";
import type { SelectHTMLAttributes } from "react";
import { documentCategories } from "@/lib/vault/document-categories";

/** A labelled select of the document categories, with an "all" option when it filters. */
export function CategorySelect({ id, label, anyLabel, className = "", ...select }: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; anyLabel?: string }) {
  const t = useTranslations("space.categories");
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select id={id} className="mt-1 block w-full rounded border border-gray-500 bg-white px-3 py-2" {...select}>
        {anyLabel && <option value="">{anyLabel}</option>}
        {documentCategories.map((category) => (
          <option key={category} value={category}>
            {t(category)}
          </option>
        ))}
      </select>
    </div>
  );
}
