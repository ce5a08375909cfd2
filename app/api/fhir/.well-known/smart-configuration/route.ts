import { NextResponse } from "next/server";
import { smartConfiguration } from "@/lib/server/oauth/smart-configuration";

/**
 * SMART App Launch discovery where the specification puts it, under the FHIR base URL (apps find it
 * from the base alone); the same document as /.well-known/smart-configuration. Public, so any origin
 * may read it.
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return NextResponse.json(smartConfiguration(), { headers: { "Access-Control-Allow-Origin": "*" } });
}
