import { NextResponse } from "next/server";
import { smartConfiguration } from "@/lib/server/oauth/smart-configuration";

/** Read at request time: the URLs come from the running server's APP_URL, not the build's. Public,
 * so any origin may read it (a browser app discovers the endpoints before anything else). */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return NextResponse.json(smartConfiguration(), { headers: { "Access-Control-Allow-Origin": "*" } });
}
