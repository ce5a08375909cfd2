"use client";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { SelectField } from "@/components/ui/field";
import { documentCategories } from "@/lib/vault/document-categories";

/** A labelled select of the document categories, with an "all" option when it filters. */
export function CategorySelect({ anyLabel, ...field }: ComponentProps<typeof SelectField> & { id: string; anyLabel?: string }) {
  const t = useTranslations("space.categories");
  return (
    <SelectField {...field}>
      {anyLabel && <option value="">{anyLabel}</option>}
      {documentCategories.map((category) => (
        <option key={category} value={category}>
          {t(category)}
        </option>
      ))}
    </SelectField>
  );
}
