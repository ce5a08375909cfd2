import { NextResponse } from "next/server";
import { smartConfiguration } from "@/lib/server/oauth/smart-configuration";

/** Read at request time: the URLs come from the running server's APP_URL, not the build's. */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return NextResponse.json(smartConfiguration());
}
