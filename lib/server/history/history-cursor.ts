import "server-only";
import { keyset } from "@/lib/server/paging/keyset";

/**
 * The paging of the patient's history and of the staff audit log: newest first along their
 * (createdAt desc, id desc) indexes. The CSV exports walk the same order in batches.
 */
export const historyPaging = keyset({ key: "instant", order: "desc", name: "history" });
