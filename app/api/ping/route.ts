import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/**
 * The cheapest dynamic route: no session, no database. `npm run bench:vault` measures it next to the
 * document list, so the list's figures can be read against what Next.js itself costs on the machine.
 */
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
