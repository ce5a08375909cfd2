import { getDb } from "@/lib/server/db";
import { moveDocumentToBin } from "@/lib/server/documents/bin-document";
import { jsonRoute } from "@/lib/server/http/json-route";

export const POST = jsonRoute<{ id: string }>(async ({ actor, ip: ipAddress }, { params: { id } }) => moveDocumentToBin(getDb(), { actor, ipAddress }, id, { into: true }));
