import "server-only";
import type { Prisma, RecordAuthorKind } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";
import type { RecordKind } from "@/lib/schemas/record-entry";

/** The columns every record table shares (prisma/schema.prisma, "Profil médical"). */
export type RecordEntryBase = {
  id: string;
  patientId: string;
  authorKind: RecordAuthorKind;
  authorUserId: string | null;
  authorAppId: string | null;
  authorLabel: string;
  source: string | null;
  note: string | null;
  hiddenFromProfessionals: boolean;
  recordedAt: Date;
  updatedAt: Date;
};

type Where = { id?: string | { in: [] }; patientId?: string; hiddenFromProfessionals?: false };

/**
 * The six record tables behind one small interface. The services do the same things to each (list what
 * the reader may see, create with an author, update, delete, hide) on the columns they share, so they
 * are written once against this view of the Prisma delegates rather than six times; each kind's own
 * fields come from its zod schema (lib/schemas/record-entry.ts), which matches its table.
 */
export type RecordTable = {
  findMany(args: { where: Where; orderBy: Prisma.RecordConditionOrderByWithRelationInput[] }): Promise<RecordEntryBase[]>;
  findUnique(args: { where: { id: string }; select: Record<string, true> }): Promise<Record<string, unknown> | null>;
  create(args: { data: Record<string, unknown>; select: { id: true } }): Promise<{ id: string }>;
  update(args: { where: { id: string }; data: Record<string, unknown>; select: { id: true } }): Promise<{ id: string }>;
  delete(args: { where: { id: string }; select: { id: true } }): Promise<{ id: string }>;
};

export function recordTable(db: Db | Tx, kind: RecordKind): RecordTable {
  const delegates = {
    condition: db.recordCondition,
    allergy: db.recordAllergy,
    treatment: db.recordTreatment,
    vaccination: db.recordVaccination,
    directive: db.recordDirective,
    contact: db.recordContact,
  };
  return delegates[kind] as unknown as RecordTable;
}

/** Newest first; vaccinations by the day they were given. */
export function recordOrder(kind: RecordKind): Prisma.RecordConditionOrderByWithRelationInput[] {
  return kind === "vaccination"
    ? ([{ date: "desc" }, { id: "desc" }] as unknown as Prisma.RecordConditionOrderByWithRelationInput[])
    : [{ recordedAt: "desc" }, { id: "desc" }];
}
