import "server-only";
import { link, mkdir, open, readdir, stat, unlink } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { AppError } from "@/lib/server/errors";
import type { BlobStorage, StoredBlob } from "./blob-storage";
import { assertStorageKey, assertStoragePrefix, isStorageKey, isStorageSegment } from "./storage-key";
import { createTempDirectory, isMissing } from "./temp-directory";

export type LocalStorageOptions = {
  /** The store's folder; the app passes `<DATA_DIR>/vault`. Temporary files live in `<root>/.tmp`. */
  root: string;
};

/**
 * The filesystem driver: `<root>/<ownerId>/<uuid>`, folders 0700, files 0600.
 *
 * `putFile` is the durable "write a temporary file, fsync, rename" sequence, except that the rename is
 * a hard link followed by removing the temporary name: `rename` silently replaces an existing file,
 * whereas `link` fails if the name is taken, atomically, so two writers can never overwrite each other.
 * (Linux's renameat2(RENAME_NOREPLACE) would do the same in one call, but Node does not expose it.)
 * A crash between the link and the unlink leaves a second name for a stored file in `.tmp`, which the
 * reconciler removes as a stale temporary; the stored file is unaffected.
 */
export function createLocalStorage({ root }: LocalStorageOptions): BlobStorage {
  const base = resolve(root);
  const temp = createTempDirectory(join(base, ".tmp"));

  const pathOf = (key: string) => {
    assertStorageKey(key);
    return join(base, key);
  };

  return {
    driver: "local",

    async putFile(key, tempPath) {
      const target = pathOf(key);
      const source = temp.assertInside(tempPath);
      const file = await open(source, "r+");
      try {
        await file.chmod(0o600);
        await file.sync();
      } finally {
        await file.close();
      }
      const ownerDir = dirname(target);
      const created = await mkdir(ownerDir, { recursive: true, mode: 0o700 });
      // Each folder just made is itself an entry, in its parent, that a crash could lose.
      if (created) {
        for (let folder = ownerDir; folder !== dirname(resolve(created)) && folder !== dirname(folder); folder = dirname(folder)) {
          await syncDirectory(dirname(folder));
        }
      }
      try {
        await link(source, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") {
          throw new AppError("CONFLICT", "Refused to overwrite an existing storage key.", { cause: error });
        }
        throw error;
      }
      await syncDirectory(ownerDir);
      await unlink(source);
    },

    async openRead(key) {
      const target = pathOf(key);
      try {
        const file = await open(target, "r");
        return file.createReadStream();
      } catch (error) {
        if (isMissing(error)) throw new AppError("NOT_FOUND", "No stored file under this key.", { cause: error });
        throw error;
      }
    },

    async delete(key) {
      const target = pathOf(key);
      try {
        await unlink(target);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      // Permanent deletion must not come back after a crash (the reconciler would remove it anyway).
      await syncDirectory(dirname(target));
    },

    async exists(key) {
      const target = pathOf(key);
      try {
        return (await stat(target)).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    list(prefix = "") {
      assertStoragePrefix(prefix);
      return listBlobs(base, prefix);
    },

    tempDir: () => temp.ensure(),
    listStaleTemporaries: (olderThanMs) => temp.listStale(olderThanMs),
    removeTemporary: (path) => temp.remove(path),
  };
}

/** In key order (as S3 lists), one owner folder in memory at a time. */
async function* listBlobs(base: string, prefix: string): AsyncGenerator<StoredBlob> {
  const slash = prefix.indexOf("/");
  const ownerMatches = (owner: string) => (slash === -1 ? owner.startsWith(prefix) : owner === prefix.slice(0, slash));
  const owners = (await readNames(base))
    .filter((name) => isStorageSegment(name) && ownerMatches(name))
    // `${name}/` so that "a" sorts before "a-b" exactly as the keys "a/…" and "a-b/…" do.
    .sort((a, b) => compare(`${a}/`, `${b}/`));
  for (const owner of owners) {
    const names = (await readNames(join(base, owner))).sort(compare);
    for (const name of names) {
      const key = `${owner}/${name}`;
      if (!isStorageKey(key) || !key.startsWith(prefix)) continue;
      const info = await stat(join(base, key)).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
      // Deleted since the folder was read, or not a file (nothing of ours): skip.
      if (!info?.isFile()) continue;
      yield { key, size: info.size, modifiedAt: info.mtime };
    }
  }
}

async function readNames(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === "ENOTDIR") return [];
    throw error;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Makes a folder's entries (a new, renamed or removed name) durable. */
async function syncDirectory(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
