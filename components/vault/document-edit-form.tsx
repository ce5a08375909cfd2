"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { usePatchDocument } from "@/lib/queries/documents/use-document-mutations";
import type { DocumentDetail, DocumentPatch } from "@/lib/vault/document-api";
import type { DocumentCategory } from "@/lib/generated/prisma/enums";
import { CategorySelect } from "./category-select";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";

/** Title, category, date and note; only what changed is sent. */
export function DocumentEditForm({ document }: { document: DocumentDetail }) {
  const t = useTranslations("documents.edit");
  const tUpload = useTranslations("documents.upload");
  const announce = useAnnounce();
  const errorText = useErrorText();
  const patch = usePatchDocument();
  const [title, setTitle] = useState(document.title);
  const [category, setCategory] = useState<DocumentCategory>(document.category);
  const [documentDate, setDocumentDate] = useState(document.documentDate);
  const [note, setNote] = useState(document.note ?? "");
  const [titleError, setTitleError] = useState<string>();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError(tUpload("titleRequired"));
      globalThis.document.getElementById("edit-title")?.focus();
      return;
    }
    setTitleError(undefined);
    const changes: DocumentPatch = {};
    if (title.trim() !== document.title) changes.title = title.trim();
    if (category !== document.category) changes.category = category;
    if (documentDate !== document.documentDate) changes.documentDate = documentDate;
    if ((note.trim() || null) !== (document.note || null)) changes.note = note.trim() || null;
    if (Object.keys(changes).length === 0) return announce(t("saved"));
    patch.mutate(
      { id: document.id, patch: changes },
      { onSuccess: () => announce(t("saved")), onError: (error) => announce(errorText(error)) },
    );
  }

  return (
    <section aria-labelledby="edit-title-heading" className="space-y-4">
      <h2 id="edit-title-heading" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <form onSubmit={submit} noValidate className="space-y-4">
        <div>
          <label htmlFor="edit-title" className={labelClass}>
            {t("fileTitle")}
          </label>
          <input
            id="edit-title"
            value={title}
            maxLength={200}
            required
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? "edit-title-error" : undefined}
            onChange={(event) => setTitle(event.target.value)}
            className={fieldClass}
          />
          {titleError && (
            <p id="edit-title-error" className="mt-1 text-sm font-medium text-red-800">
              {titleError}
            </p>
          )}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <CategorySelect
            id="edit-category"
            label={t("category")}
            value={category}
            onChange={(event) => setCategory(event.target.value as DocumentCategory)}
          />
          <div>
            <label htmlFor="edit-date" className={labelClass}>
              {t("documentDate")}
            </label>
            <input
              id="edit-date"
              type="date"
              required
              value={documentDate}
              onChange={(event) => setDocumentDate(event.target.value)}
              className={fieldClass}
            />
          </div>
        </div>
        <TextAreaField
          id="edit-note"
          label={t("note")}
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        {patch.isError && <FormAlert>{errorText(patch.error)}</FormAlert>}
        {patch.isSuccess && <FormAlert kind="success">{t("saved")}</FormAlert>}
        <Button type="submit" disabled={patch.isPending}>
          {t("save")}
        </Button>
      </form>
    </section>
  );
}
