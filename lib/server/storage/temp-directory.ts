import "server-only";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { AppError } from "@/lib/server/errors";
import type { StaleTemporary } from "./blob-storage";

/**
 * The folder of in-progress uploads, shared by both drivers: created lazily with mode 0700, and only
 * ever searched one level deep (the pipeline creates plain files directly inside it).
 */
export type TempDirectory = {
  path: string;
  ensure(): Promise<string>;
  /** Throws unless `path` is a file directly inside this folder: putFile and removeTemporary touch nothing else. */
  assertInside(path: string): string;
  listStale(olderThanMs: number): Promise<StaleTemporary[]>;
  remove(path: string): Promise<void>;
};

export function createTempDirectory(folder: string): TempDirectory {
  const path = resolve(folder);
  let ready: Promise<string> | undefined;

  function assertInside(file: string): string {
    const resolved = resolve(file);
    if (dirname(resolved) !== path) throw new AppError("INTERNAL", "A temporary file must be inside the storage's temporary folder.");
    return resolved;
  }

  return {
    path,
    ensure() {
      ready ??= mkdir(path, { recursive: true, mode: 0o700 }).then(
        () => path,
        (error: unknown) => {
          ready = undefined;
          throw error;
        },
      );
      return ready;
    },
    assertInside,
    async listStale(olderThanMs) {
      const cutoff = Date.now() - olderThanMs;
      let names: string[];
      try {
        names = await readdir(path);
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      const stale: StaleTemporary[] = [];
      for (const name of names.sort()) {
        const file = join(path, name);
        const info = await stat(file).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
        // Gone since readdir (a finished upload) or not a plain file: not ours to report.
        if (!info?.isFile() || info.mtimeMs > cutoff) continue;
        stale.push({ path: file, size: info.size, modifiedAt: info.mtime });
      }
      return stale;
    },
    async remove(file) {
      await rm(assertInside(file), { force: true });
    },
  };
}

export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}
