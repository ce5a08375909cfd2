import { NextResponse } from "next/server";
import { getDb } from "@/lib/server/db";
import { checkHealth } from "@/lib/server/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(getDb());
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503 });
}
