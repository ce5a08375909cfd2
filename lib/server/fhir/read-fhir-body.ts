import "server-only";
import { AppError } from "@/lib/server/errors";

/** Far above any single Observation, far below anything that would cost the server. */
export const FHIR_MAX_BODY_BYTES = 16 * 1024;

const JSON_TYPES = new Set(["application/fhir+json", "application/json"]);

/**
 * A request's JSON body: only FHIR JSON (or plain JSON) is accepted (415 otherwise), and no more than
 * `maxBytes`, counted while reading, whatever Content-Length claims (413), so a slow or endless body
 * is cut short rather than buffered.
 */
export async function readFhirBody(request: Request, maxBytes = FHIR_MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!JSON_TYPES.has(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "FHIR body is not JSON.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", "FHIR body too large (declared).");
  if (!request.body) throw new AppError("BAD_REQUEST", "FHIR body is empty.");

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", "FHIR body too large.");
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new AppError("BAD_REQUEST", "FHIR body is not valid JSON.", { cause: error });
  }
}
