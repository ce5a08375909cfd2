import type { FileRefusalReason } from "./file-refusal-reasons";
import { FILE_HEAD_BYTES, inspectFileHead } from "./inspect/inspect-file-head";

/**
 * What the upload route would refuse a file for, decided in the browser from its size and its first
 * bytes, with the route's own inspection: an executable, a mislabelled or empty file is refused before
 * a single byte is sent. Null when the route may take it; the route checks everything again.
 */
export async function checkFileBeforeUpload(
  file: Blob & { name: string },
  { maxFileBytes }: { maxFileBytes: number },
): Promise<FileRefusalReason | null> {
  if (file.size > maxFileBytes) return "TOO_LARGE";
  const head = new Uint8Array(await file.slice(0, FILE_HEAD_BYTES).arrayBuffer());
  const verdict = await inspectFileHead({ head, fileName: file.name, isWholeFile: file.size <= FILE_HEAD_BYTES });
  return verdict.accepted ? null : verdict.reason;
}
