import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { requireFullSession } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { listRecentDocuments } from "@/lib/server/documents/list-recent-documents";
import { AppError, type ApiErrorBody } from "@/lib/server/errors";
import { actorOf } from "@/lib/server/policy/policy";

/** The signed-in patient's recent documents (metadata). A half-authenticated session gets a 401. */
export async function GET() {
  try {
    const session = await requireFullSession();
    const documents = await listRecentDocuments(getDb(), { actor: actorOf(session), ownerId: session.user.id });
    return NextResponse.json({ documents }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const t = await getTranslations("errors");
    const body: ApiErrorBody = { code: error.code, message: t(error.code) };
    return NextResponse.json(body, { status: error.status, headers: { "Cache-Control": "no-store" } });
  }
}
