import type { DocumentCategory } from "@/lib/generated/prisma/enums";
import type { UploadResponse } from "@/lib/vault/document-api";
import { ApiError, apiErrorFrom } from "./api-error";

export type UploadResult = UploadResponse;
export type UploadSuggestion = UploadResponse["suggestion"];

export type UploadInput = {
  file: File;
  title: string;
  category: DocumentCategory;
  documentDate: string;
  note: string;
  /** A professional adding to this patient's space; unset, the signed-in patient's own vault. */
  patientId?: string;
  /** 0–1, as the bytes leave the browser. */
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
};

/**
 * Sends one file to POST /api/uploads: the raw bytes as the body (the route streams it; no multipart),
 * the metadata percent-encoded in headers. XMLHttpRequest rather than fetch because only it reports
 * upload progress. Rejects with an ApiError carrying the server's translated message.
 */
export function uploadDocument({
  file,
  title,
  category,
  documentDate,
  note,
  patientId,
  onProgress,
  signal,
}: UploadInput): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", patientId ? `/api/uploads?patient=${encodeURIComponent(patientId)}` : "/api/uploads");
    xhr.responseType = "json";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("X-Document-Title", encodeURIComponent(title));
    xhr.setRequestHeader("X-Document-Category", category);
    xhr.setRequestHeader("X-Document-Date", documentDate);
    if (note.trim()) xhr.setRequestHeader("X-Document-Note", encodeURIComponent(note));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      if (xhr.status === 201) resolve(xhr.response as UploadResult);
      else reject(apiErrorFrom(xhr.status, xhr.response));
    };
    // The server answers 413 as soon as a file passes the limit and may close the connection before
    // the browser has sent everything: that surfaces here, without a status.
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", ""));
    xhr.onabort = () => reject(new ApiError(0, "ABORTED", ""));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
