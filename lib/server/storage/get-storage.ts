import "server-only";
import { getConfig } from "@/lib/server/config";
import type { BlobStorage } from "./blob-storage";
import { createStorage } from "./create-storage";

let storage: BlobStorage | undefined;

/** The process's storage, as the configuration selects it (local folder or S3-compatible bucket). */
export function getStorage(): BlobStorage {
  storage ??= createStorage(getConfig().storage);
  return storage;
}
