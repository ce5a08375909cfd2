import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocumentCategory, GrantScope, Role } from "@/lib/generated/prisma/client";
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";
import { listDocuments } from "@/lib/server/documents/list-documents";
import type { Actor } from "@/lib/server/policy/policy";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { appVisibleDocuments, decideAppAccess, type AppFacts } from "./decide-app-access";
import { decideHealthAccess, visibleDocuments } from "./decide-health-access";
import type { DocumentCondition } from "./document-condition";
import { loadAccessFacts } from "./load-access-facts";

/**
 * Each access rule, asked twice on random facts stored in the database: the decision on one document
 * (what a reader of that document gets) and the filter a list applies in the database (Prisma `where`
 * and SQL). Both must name the same documents, so a rule changed on one side only fails here.
 * Fixed seeds and a bounded number of runs: every run writes its own rows.
 */

const CATEGORIES: DocumentCategory[] = ["PRESCRIPTION", "LAB_RESULTS", "IMAGING", "VACCINATION", "OTHER"];
const DAY = 24 * 60 * 60 * 1000;
const RUNS = 50;

/** True about one time in `n`: the facts that refuse (a block, a revocation…) stay the exception, so most runs reach the rules behind them. */
const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((i) => i === 1);

const documentArb = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  hidden: oneIn(3),
  binned: oneIn(3),
  otherOwner: oneIn(4),
  inGrant: fc.boolean(),
});

const grantArb = fc.record({
  scope: fc.constantFrom<GrantScope>("ALL_VISIBLE", "CATEGORIES", "DOCUMENTS"),
  categories: fc.subarray(CATEGORIES),
  canAdd: fc.boolean(),
  /** Days from now, well clear of the test's own duration. */
  validFrom: fc.constantFrom(-30, -1, -1, -1, 1),
  validUntil: fc.option(fc.constantFrom(-1, 30, 30, 30), { nil: null, freq: 2 }),
  revoked: oneIn(5),
});

const healthCaseArb = fc.record({
  documents: fc.array(documentArb, { minLength: 1, maxLength: 8 }),
  reader: fc.oneof(
    { arbitrary: fc.constant("professional" as const), weight: 10 },
    { arbitrary: fc.constant("owner" as const), weight: 2 },
    { arbitrary: fc.constantFrom("professionalWithoutRecord" as const, "otherPatient" as const, "halfSignedOwner" as const), weight: 1 },
  ),
  emergencyStaff: fc.boolean(),
  grant: fc.option(grantArb, { nil: null, freq: 7 }),
  blocked: oneIn(6),
  treatingDoctor: oneIn(6),
  /** null: the patient never saved settings (emergency access then defaults to enabled). */
  emergencyAccessEnabled: fc.option(
    oneIn(5).map((off) => !off),
    { nil: null },
  ),
  emergencyAccess: fc.option(fc.record({ expiresIn: fc.constantFrom(-1, 1, 1), ended: oneIn(4) }), { nil: null, freq: 4 }),
});

type HealthCase = typeof healthCaseArb extends fc.Arbitrary<infer T> ? T : never;

const visible = { category: "LAB_RESULTS" as const, hidden: false, binned: false, otherOwner: false, inGrant: false };
const labOnly: NonNullable<HealthCase["grant"]> = {
  scope: "CATEGORIES",
  categories: ["LAB_RESULTS"],
  canAdd: false,
  validFrom: -1,
  validUntil: null,
  revoked: false,
};
const noFacts = {
  emergencyStaff: false,
  grant: null,
  blocked: false,
  treatingDoctor: false,
  emergencyAccessEnabled: null,
  emergencyAccess: null,
};

/** The combinations where two rules meet, run first whatever the random draw: */
const healthExamples: [HealthCase][] = [
  // an emergency access reaches beyond a narrower consent;
  [
    {
      ...noFacts,
      documents: [visible, { ...visible, category: "IMAGING" }],
      reader: "professional",
      emergencyStaff: true,
      grant: labOnly,
      emergencyAccess: { expiresIn: 1, ended: false },
    },
  ],
  // the patient turned emergency access off: the consent alone counts;
  [
    {
      ...noFacts,
      documents: [visible, { ...visible, category: "IMAGING" }],
      reader: "professional",
      emergencyStaff: true,
      grant: labOnly,
      emergencyAccessEnabled: false,
      emergencyAccess: { expiresIn: 1, ended: false },
    },
  ],
  // the treating doctor sees all but the hidden and the bin; a block outweighs everything.
  [
    {
      ...noFacts,
      documents: [visible, { ...visible, hidden: true }, { ...visible, binned: true }],
      reader: "professional",
      treatingDoctor: true,
      grant: labOnly,
    },
  ],
  [{ ...noFacts, documents: [visible], reader: "professional", blocked: true, treatingDoctor: true, grant: labOnly }],
];

const appCaseArb = fc.record({
  documents: fc.array(documentArb, { minLength: 1, maxLength: 8 }),
  scopes: fc.subarray([
    "patient/Patient.r",
    "patient/DocumentReference.rs",
    "patient/DocumentReference.s",
    "patient/DocumentReference.r",
    "patient/Observation.rs",
  ]),
  categories: fc.subarray(CATEGORIES),
});

describe("the list filters say what the decisions say", () => {
  const db = useTestDb();

  async function user(roles: Role[]) {
    const { id } = await db.user.create({
      data: {
        email: `visible-${randomUUID()}@test.local`,
        firstName: "Léa",
        lastName: "Visible",
        status: "ACTIVE",
        roles,
        birthDate: new Date("1980-03-04"),
      },
      select: { id: true },
    });
    return id;
  }

  async function createDocuments(
    patientId: string,
    otherPatientId: string,
    documents: { category: DocumentCategory; hidden: boolean; binned: boolean; otherOwner: boolean }[],
  ) {
    const now = Date.now();
    return Promise.all(
      documents.map((document) =>
        db.document.create({
          data: {
            ownerId: document.otherOwner ? otherPatientId : patientId,
            title: "Document de propriété",
            category: document.category,
            documentDate: new Date("2025-06-01"),
            authorKind: "PATIENT",
            hiddenFromProfessionals: document.hidden,
            deletedAt: document.binned ? new Date(now - DAY) : null,
          },
          select: { id: true, ownerId: true, category: true, hiddenFromProfessionals: true, deletedAt: true },
        }),
      ),
    );
  }

  /** The ids each form of the filter returns, among the given ones (the database holds other tests' rows too). */
  async function selectedBy(condition: DocumentCondition, ids: string[]) {
    const viaWhere = await db.document.findMany({ where: { AND: [condition.where, { id: { in: ids } }] }, select: { id: true } });
    const viaSql = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Document" WHERE ${condition.sql} AND id = ANY(${ids}::uuid[])`;
    return { where: viaWhere.map((row) => row.id).sort(), sql: viaSql.map((row) => row.id).sort() };
  }

  it("health access (owner, professionals under consent, treating doctor, emergency, blocks)", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(healthCaseArb, async (c) => {
        const now = Date.now();
        const at = (days: number) => new Date(now + days * DAY);
        const [patientId, otherPatientId] = await Promise.all([user(["PATIENT"]), user(["PATIENT"])]);
        const rows = await createDocuments(patientId, otherPatientId, c.documents);

        let actor: Actor;
        if (c.reader === "owner" || c.reader === "halfSignedOwner") {
          actor = {
            userId: patientId,
            roles: ["PATIENT"],
            stage: c.reader === "owner" ? "FULL" : "PASSWORD_VERIFIED",
            hasConfirmedFactor: true,
          };
        } else if (c.reader === "otherPatient") {
          actor = { userId: otherPatientId, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true };
        } else {
          const userId = await user(["PROFESSIONAL"]);
          actor = { userId, roles: ["PROFESSIONAL"], stage: "FULL", hasConfirmedFactor: true };
          if (c.reader === "professional") {
            const rpps = withRppsCheckDigit(String(3000000000 + Math.floor(Math.random() * 99999999)));
            const professional = await db.professional.create({
              data: {
                userId,
                rpps,
                firstName: "Paul",
                lastName: "Visible",
                profession: "Médecin",
                city: "Nantes",
                emergencyStaff: c.emergencyStaff,
              },
              select: { id: true },
            });
            const professionalId = professional.id;
            if (c.grant) {
              const grant = c.grant;
              await db.accessGrant.create({
                data: {
                  patientId,
                  professionalId,
                  scope: grant.scope,
                  categories: grant.categories,
                  documentIds: rows.filter((_, i) => c.documents[i].inGrant).map((row) => row.id),
                  canAdd: grant.canAdd,
                  validFrom: at(grant.validFrom),
                  validUntil: grant.validUntil === null ? null : at(grant.validUntil),
                  revokedAt: grant.revoked ? at(-1) : null,
                },
              });
            }
            if (c.blocked) await db.professionalBlock.create({ data: { patientId, professionalId } });
            if (c.treatingDoctor || c.emergencyAccessEnabled !== null) {
              await db.patientAccessSettings.create({
                data: {
                  patientId,
                  treatingDoctorId: c.treatingDoctor ? professionalId : null,
                  emergencyAccessEnabled: c.emergencyAccessEnabled ?? true,
                },
              });
            }
            if (c.emergencyAccess) {
              await db.emergencyAccess.create({
                data: {
                  patientId,
                  professionalId,
                  reason: "Urgence vitale",
                  expiresAt: at(c.emergencyAccess.expiresIn),
                  endedAt: c.emergencyAccess.ended ? at(-1) : null,
                },
              });
            }
          }
        }

        const facts = await loadAccessFacts(db, actor, patientId);
        // A reader asks about a patient's document with that patient's facts: the other patient's rows are never the answer.
        const allowed = rows.filter(
          (row) => row.ownerId === patientId && decideHealthAccess(actor, facts, { kind: "document", document: row }, "read").allowed,
        );
        const expected = allowed.map((row) => row.id).sort();
        const ids = rows.map((row) => row.id);
        const condition = visibleDocuments(actor, facts);
        const selected = await selectedBy(condition, ids);
        expect(selected.where).toEqual(expected);
        expect(selected.sql).toEqual(expected);
        expect(
          rows
            .filter((row) => condition.holds(row))
            .map((row) => row.id)
            .sort(),
        ).toEqual(expected);

        // And the list itself, wherever the decision lets the list be read: the live documents, or the owner's bin.
        if (decideHealthAccess(actor, facts, { kind: "documentList" }, "read").allowed) {
          const live = await listDocuments(testCtx(db, { actor }), { ownerId: patientId, query: { limit: 100 } });
          expect(live.items.map((item) => item.id).sort()).toEqual(
            allowed
              .filter((row) => !row.deletedAt)
              .map((row) => row.id)
              .sort(),
          );
          if (c.reader === "owner") {
            const bin = await listDocuments(testCtx(db, { actor }), { ownerId: patientId, query: { limit: 100, bin: "true" } });
            expect(bin.items.map((item) => item.id).sort()).toEqual(
              allowed
                .filter((row) => row.deletedAt)
                .map((row) => row.id)
                .sort(),
            );
          }
        }
      }),
      { numRuns: RUNS, seed: 1414, examples: healthExamples },
    );
  });

  it("app access (scopes, shared categories, hidden, bin, other patients)", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(appCaseArb, async (c) => {
        const [patientId, otherPatientId] = await Promise.all([user(["PATIENT"]), user(["PATIENT"])]);
        const rows = await createDocuments(patientId, otherPatientId, c.documents);
        const app: AppFacts = { patientId, scopes: c.scopes, categories: c.categories };
        const expected = rows
          .filter((row) => decideAppAccess(app, row.ownerId, { kind: "document", document: row }, "read").allowed)
          .map((row) => row.id)
          .sort();
        const condition = appVisibleDocuments(app);
        const selected = await selectedBy(
          condition,
          rows.map((row) => row.id),
        );
        expect(selected.where).toEqual(expected);
        expect(selected.sql).toEqual(expected);
        expect(
          rows
            .filter((row) => condition.holds(row))
            .map((row) => row.id)
            .sort(),
        ).toEqual(expected);
      }),
      { numRuns: RUNS, seed: 1415 },
    );
  });
});
