import "server-only";
import type { Bundle, Observation } from "@medplum/fhirtypes";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LOINC_SYSTEM } from "@/lib/fhir/measurement-codes";
import { authorizeApp, authorizeAppScope } from "@/lib/server/access/authorize-app";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";
import { keyset } from "@/lib/server/paging/keyset";
import { searchUrl } from "./fhir-urls";
import { recordAppAccessNow } from "./record-app-access";
import { parseDateParams, tokenCodes } from "./search-params";
import { pageSize, searchset } from "./searchset";
import { toObservation } from "./to-observation";

const paging = keyset({ key: "instant", order: "desc", name: "Observation", field: "_cursor" });

/**
 * `GET Observation`: the token's patient's measurements (from every source), latest taken first,
 * optionally by LOINC `code` and `date`, keyset-paged. There is no history action for reading
 * measurements, so the read is recorded as a view of the health profile, naming the resource.
 */
export async function searchObservations(
  { db, ip: ipAddress }: Ctx,
  { access, params }: { access: AppAccess; params: URLSearchParams },
): Promise<Bundle<Observation>> {
  authorizeApp(access, access.patientId, { kind: "measurements" }, "read");
  const count = pageSize(params);
  const codes = params.getAll("code");
  const dates = params.getAll("date");
  const bound = parseDateParams(dates);
  const where: Prisma.MeasurementWhereInput = {
    patientId: access.patientId,
    ...(codes.length ? { code: { in: tokenCodes(codes, LOINC_SYSTEM) } } : {}),
    ...(bound.gte || bound.lt ? { effectiveAt: { ...(bound.gte ? { gte: bound.gte } : {}), ...(bound.lt ? { lt: bound.lt } : {}) } } : {}),
  };
  const cursorParam = params.get("_cursor");
  const [rows, total] = await Promise.all([
    db.measurement.findMany({
      where: { AND: [where, paging.where("effectiveAt", paging.decode(cursorParam))] },
      select: { id: true, effectiveAt: true, resource: true },
      orderBy: paging.orderBy("effectiveAt"),
      take: paging.take(count),
    }),
    db.measurement.count({ where }),
  ]);
  const { items, next } = paging.page(rows, count, (row) => row.effectiveAt);
  await recordAppAccessNow(db, access, { action: "MEASUREMENTS_VIEWED", details: { resource: "Observation" }, ipAddress });
  const base = { code: codes.length ? codes : undefined, date: dates.length ? dates : undefined, _count: String(count) };
  return searchset({
    resources: items.map(toObservation),
    total,
    self: searchUrl("Observation", { ...base, _cursor: cursorParam ?? undefined }),
    next: next ? searchUrl("Observation", { ...base, _cursor: paging.encode(next) }) : null,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `GET Observation/<id>` (where a create's Location points): one of the token's patient's measurements. */
export async function readObservation({ db, ip: ipAddress }: Ctx, { access, id }: { access: AppAccess; id: string }): Promise<Observation> {
  authorizeAppScope(access, "measurements", "read");
  const row = UUID.test(id) ? await db.measurement.findUnique({ where: { id }, select: { patientId: true, resource: true } }) : null;
  if (!row) throw new AppError("NOT_FOUND");
  authorizeApp(access, row.patientId, { kind: "measurements" }, "read");
  await recordAppAccessNow(db, access, {
    action: "MEASUREMENTS_VIEWED",
    details: { resource: "Observation", measurementId: id },
    ipAddress,
  });
  return toObservation(row);
}
