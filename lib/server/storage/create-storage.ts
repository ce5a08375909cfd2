import "server-only";
import type { BlobStorage } from "./blob-storage";
import { createLocalStorage, type LocalStorageOptions } from "./local-storage";
import { createS3Storage, type S3StorageOptions } from "./s3-storage";

/** What the configuration selects: the local folder (default) or an S3-compatible bucket. */
export type StorageOptions = ({ driver: "local" } & LocalStorageOptions) | ({ driver: "s3" } & S3StorageOptions);

export function createStorage(options: StorageOptions): BlobStorage {
  if (options.driver === "s3") {
    const { driver: _driver, ...s3 } = options;
    return createS3Storage(s3);
  }
  return createLocalStorage({ root: options.root });
}
