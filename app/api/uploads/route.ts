import { NextResponse } from "next/server";
import { z } from "zod";
import { requireFullSession } from "@/lib/server/auth/current-session";
import { getConfig } from "@/lib/server/config";
import { requestCtx, type Ctx, signedIn } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/json-route";
import { actorOf } from "@/lib/server/policy/policy";
import { suggestDocumentMetadata } from "@/lib/server/vault/pdf/suggest-document-metadata";
import { LENGTH_REQUIRED_MESSAGE_KEY, parseUploadRequest } from "@/lib/server/vault/upload/parse-upload-request";
import { receiveUpload } from "@/lib/server/vault/upload/receive-upload";
import type { UploadResponse } from "@/lib/vault/document-api";

/**
 * One file into the signed-in patient's vault, or with `?patient=<id>` into that patient's space by a
 * professional the authorization module allows to add (same route: it must stay outside the proxy). The body is the raw file (not multipart: nothing is
 * buffered), the metadata is in headers (parse-upload-request.ts). Kept outside the proxy's matcher:
 * a proxy would silently truncate the body. Answers 201 {id, suggestion} (a suggestion only for a
 * PDF with text), or {code, message} with 401/403/400/411/413/415.
 */
export async function POST(request: Request) {
  let ctx: Ctx | undefined;
  try {
    const config = getConfig();
    const upload = parseUploadRequest(request.headers, { appUrl: config.appUrl });
    const session = await requireFullSession();
    // Outside the proxy, so the request id is made here (or taken from a load balancer).
    ctx = requestCtx(request.headers, actorOf(session));
    const patient = new URL(request.url).searchParams.get("patient");
    if (patient !== null && !z.uuid().safeParse(patient).success) throw new AppError("NOT_FOUND");
    const received = await receiveUpload(
      signedIn(ctx),
      { patientId: patient ?? undefined, body: request.body, ...upload },
      {
        maxFileBytes: config.vaultMaxFileBytes,
        quotaBytes: config.vaultQuotaBytes,
        signal: request.signal,
      },
    );
    const suggestion = received.extractedText ? suggestDocumentMetadata(received.extractedText) : null;
    return NextResponse.json({ id: received.documentId, suggestion } satisfies UploadResponse, {
      status: 201,
      headers: { "Cache-Control": "no-store" },
    });
  } catch (error) {
    const lengthRequired = error instanceof AppError && error.messageKey === LENGTH_REQUIRED_MESSAGE_KEY;
    return errorResponse(error, { status: lengthRequired ? 411 : undefined, log: ctx?.log });
  }
}
