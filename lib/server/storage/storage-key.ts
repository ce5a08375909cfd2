import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/server/errors";

/**
 * Storage keys are made by the server, never from a file name: `<ownerId>/<random uuid>`.
 *
 * The pattern is deliberately narrow, because a key becomes a path on disk (local driver) and an
 * object name (S3): exactly two segments of lower-case letters, digits and hyphens, each starting with
 * a letter or digit. That leaves no room for `..`, `.`, hidden files (the local driver's `.tmp`), an
 * absolute path, a backslash, NUL, percent-encoding or a case-only difference (macOS and Windows
 * filesystems fold case). Blobs are kept per owner so that nothing is shared or de-duplicated across
 * people (de-duplication would reveal that someone else holds the same file).
 */
const SEGMENT = "[a-z0-9][a-z0-9-]{0,63}";
const KEY_PATTERN = new RegExp(`^${SEGMENT}/${SEGMENT}$`);
const SEGMENT_PATTERN = new RegExp(`^${SEGMENT}$`);
/** What `list(prefix)` accepts: the start of a key (`""`, `<owner>`, `<owner>/`, `<owner>/<start>`). */
const PREFIX_PATTERN = new RegExp(`^(?:[a-z0-9][a-z0-9-]{0,63}(?:/(?:[a-z0-9][a-z0-9-]{0,63})?)?)?$`);

/** One segment of a key: an owner id or an object name. */
export function isStorageSegment(segment: string): boolean {
  return SEGMENT_PATTERN.test(segment);
}

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** Throws unless `key` is a well-formed storage key; a bad key is a bug, never user input. */
export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new AppError("INTERNAL", "Refused a malformed storage key.");
}

export function assertStoragePrefix(prefix: string): void {
  if (!PREFIX_PATTERN.test(prefix)) throw new AppError("INTERNAL", "Refused a malformed storage key prefix.");
}

/** A fresh key for one of `ownerId`'s files (the owner is a user id: a lower-case uuid). */
export function newStorageKey(ownerId: string): string {
  if (!isStorageSegment(ownerId)) throw new AppError("INTERNAL", "Refused a malformed storage owner id.");
  return `${ownerId}/${randomUUID()}`;
}

/** The owner segment of a valid key, e.g. to check that a key belongs to the person it is read for. */
export function ownerOfStorageKey(key: string): string {
  assertStorageKey(key);
  return key.slice(0, key.indexOf("/"));
}
