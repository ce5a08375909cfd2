"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/queries/documents/api-error";
import { documentKeys } from "@/lib/queries/documents/document-keys";
import { uploadDocument } from "@/lib/queries/documents/upload-document";
import { refreshAfterChange } from "@/lib/queries/refresh-after-change";
import { acceptAttribute } from "@/lib/vault/accepted-types";
import { todayIsoDay } from "@/components/ui/dates";
import { useAnnounce } from "@/components/ui/live-region";
import { titleFromFileName, type UploadItem } from "./upload-item";
import { UploadRow } from "./upload-row";

type Props = {
  maxFileBytes: number;
  /** A professional adding to this patient's space (unset: the signed-in patient's own vault). */
  patientId?: string;
  /** Where an added document opens; the patient's own document page by default. */
  documentHref?: (documentId: string) => string;
  /** Who will read the note, when not the patient alone. */
  noteHint?: string;
};

/**
 * Adding documents: pick or drop files, fill in each one's details, send them all. The drop zone is
 * the label of a real file input, so a keyboard or screen-reader user simply operates the input.
 * Each file goes up on its own request with its own progress bar; a refused file shows the server's
 * reason next to it and does not hold the others back.
 */
export function DocumentUpload({ maxFileBytes, patientId, documentHref, noteHint }: Props) {
  const t = useTranslations("documents.upload");
  const tRefusal = useTranslations("vault.refusal");
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [titleErrors, setTitleErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState("");
  // Bumped when a round of uploads ends: focusing in an effect runs after React has put the summary in
  // the page (a requestAnimationFrame could run before that render and find nothing to focus).
  const [summaryRound, setSummaryRound] = useState(0);
  const [dragging, setDragging] = useState(false);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const maxMegabytes = Math.floor(maxFileBytes / (1024 * 1024));

  const update = (key: string, patch: Partial<UploadItem>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function addFiles(files: FileList | null) {
    // Copied before the first await: the input's list is emptied right after this call.
    const chosen = Array.from(files ?? []);
    if (!chosen.length) return;
    // The route's own inspection, loaded only once files are chosen: what it would refuse is refused
    // here, in the same words, before any byte is sent. The route still checks every file.
    const { checkFileBeforeUpload } = await import("@/lib/vault/check-file-before-upload");
    const refusals = await Promise.all(chosen.map((file) => checkFileBeforeUpload(file, { maxFileBytes }).catch(() => null)));
    const added = chosen.map((file, index): UploadItem => {
      const refusal = refusals[index];
      return {
        key: crypto.randomUUID(),
        file,
        title: titleFromFileName(file.name),
        category: "OTHER",
        documentDate: todayIsoDay(),
        note: "",
        status: refusal ? "failed" : "ready",
        progress: 0,
        error: refusal ? tRefusal(refusal, { maxMegabytes }) : undefined,
      };
    });
    setItems((current) => [...current, ...added]);
    setSummary("");
    const refused = refusals.filter(Boolean).length;
    if (refused) announce(t("refusedOnAdd", { count: refused }));
  }

  async function sendOne(item: UploadItem): Promise<boolean> {
    update(item.key, { status: "sending", progress: 0, error: undefined });
    try {
      const sent = await uploadDocument({
        ...item,
        title: item.title.trim(),
        patientId,
        onProgress: (progress) => update(item.key, { progress }),
      });
      // Applying a suggestion edits the document, which only its owner may do: a professional chose by hand.
      const result = patientId ? { ...sent, suggestion: null } : sent;
      update(item.key, { status: "done", progress: 1, result, suggestion: "offered" });
      return true;
    } catch (error) {
      const message =
        error instanceof ApiError && error.message
          ? error.message
          : error instanceof ApiError && error.status === 0
            ? t("networkError")
            : t("unknownError");
      update(item.key, { status: "failed", progress: 0, error: message });
      return false;
    }
  }

  async function sendAll() {
    const pending = items.filter((item) => item.status === "ready");
    const errors = Object.fromEntries(pending.filter((item) => !item.title.trim()).map((item) => [item.key, t("titleRequired")]));
    setTitleErrors(errors);
    const firstInvalid = pending.find((item) => errors[item.key]);
    if (firstInvalid) {
      document.getElementById(`upload-${firstInvalid.key}-title`)?.focus();
      return;
    }
    const outcomes = await Promise.all(pending.map(sendOne));
    await refreshAfterChange(queryClient, documentKeys.all);
    const added = outcomes.filter(Boolean).length;
    const text = t("announceDone", { count: added, failed: outcomes.length - added });
    setSummary(text);
    setSummaryRound((round) => round + 1);
    announce(text);
  }

  // Focus goes to the outcome, so keyboard users continue from there rather than from a vanished button.
  useEffect(() => {
    if (summaryRound > 0) summaryRef.current?.focus();
  }, [summaryRound]);

  const sendable = items.filter((item) => item.status === "ready").length;
  const sending = items.some((item) => item.status === "sending");
  const finished = items.some((item) => item.status === "done" || item.status === "failed");

  return (
    <section aria-labelledby="upload-title" className="space-y-4">
      <h2 id="upload-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <div>
        <input
          id="document-files"
          type="file"
          multiple
          accept={acceptAttribute}
          className="peer sr-only"
          aria-describedby="document-files-hint"
          onChange={(event) => {
            void addFiles(event.target.files);
            event.target.value = "";
          }}
        />
        <label
          htmlFor="document-files"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            void addFiles(event.dataTransfer.files);
          }}
          className={`block cursor-pointer rounded-lg border-2 border-dashed px-4 py-8 text-center peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand ${dragging ? "border-brand bg-brand-light" : "border-gray-500 hover:bg-surface"}`}
        >
          <span className="text-lg font-semibold text-brand underline">{t("dropZone")}</span>
        </label>
        <p id="document-files-hint" className="mt-2 text-sm text-muted">
          {t("dropZoneHint", { formats: t("formats"), maxMegabytes })}
        </p>
      </div>

      {summary && (
        <p ref={summaryRef} tabIndex={-1} className="font-medium" data-testid="upload-summary">
          {summary}
        </p>
      )}

      {items.length > 0 && (
        <>
          <ul className="space-y-3">
            {items.map((item) => (
              <UploadRow
                key={item.key}
                item={item}
                titleError={titleErrors[item.key]}
                documentHref={documentHref}
                noteHint={noteHint}
                onChange={(patch) => update(item.key, patch)}
                onRemove={() => setItems((current) => current.filter((other) => other.key !== item.key))}
              />
            ))}
          </ul>
          <div className="flex flex-wrap gap-3">
            {sendable > 0 && (
              <Button type="button" onClick={sendAll} disabled={sending}>
                {t("send", { count: sendable })}
              </Button>
            )}
            {finished && !sending && (
              <Button
                type="button"
                variant="secondary"
                onClick={() => setItems((current) => current.filter((item) => item.status === "ready"))}
              >
                {t("clearFinished")}
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
