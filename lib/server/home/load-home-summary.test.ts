import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { newCatalogApp } from "@/lib/testing/catalogue-fixtures";
import { testSignedInCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { loadHomeSummary } from "./load-home-summary";

describe("loadHomeSummary", () => {
  const db = useTestDb();

  async function newUser(roles: Role[] = ["PATIENT"], firstName = "Léa", lastName = "Roux") {
    return db.user.create({
      data: { email: `home-${randomUUID()}@test.local`, firstName, lastName, roles, status: "ACTIVE" },
      select: { id: true },
    });
  }
  const ctxOf = (userId: string, roles: Role[] = ["PATIENT"]) =>
    testSignedInCtx(db, { userId, roles, stage: "FULL", hasConfirmedFactor: true });
  const signIn = (userId: string, at: Date) =>
    db.securityEvent.create({ data: { userId, kind: "LOGIN_SECOND_FACTOR_SUCCEEDED", createdAt: at } });
  const addDocument = (
    ownerId: string,
    title: string,
    at: Date,
    by: { addedById?: string; authorKind?: "PATIENT" | "PROFESSIONAL" | "ESTABLISHMENT"; authorLabel?: string },
  ) =>
    db.document.create({
      data: {
        ownerId,
        title,
        category: "REPORT",
        documentDate: new Date("2026-01-05"),
        authorKind: by.authorKind ?? "PATIENT",
        addedById: by.addedById ?? null,
        authorLabel: by.authorLabel ?? null,
        createdAt: at,
      },
    });

  it("on a first visit is the empty state: nothing yet, no médecin traitant", async () => {
    const patient = await newUser();
    const summary = await loadHomeSummary(ctxOf(patient.id));
    expect(summary).toMatchObject({
      since: null,
      newDocuments: [],
      newDocumentCount: 0,
      hasDocuments: false,
      hasTreatingDoctor: false,
      newAccesses: 0,
      pendingRequests: 0,
      unreadAlerts: 0,
      appsAwaitingConsent: [],
    });
  });

  it("names the connected apps that now ask for more than the patient granted, whenever the last visit was", async () => {
    const patient = await newUser();
    const required = { fr: "Lire vos mesures de tension.", optional: false };
    const connect = async (name: string, requestedScopes: string[], revokedAt: Date | null = null) => {
      const app = await newCatalogApp(db, {
        name,
        requestedScopes,
        scopePurposes: Object.fromEntries(requestedScopes.map((scope) => [scope, required])),
      });
      await db.appConnection.create({ data: { patientId: patient.id, appId: app.id, scopes: ["patient/Patient.r"], revokedAt } });
    };
    await connect("Tensio+", ["patient/Patient.r", "patient/Observation.rs"]);
    await connect("Inchangée", ["patient/Patient.r"]);
    await connect("Déconnectée", ["patient/Patient.r", "patient/Observation.rs"], new Date());
    const summary = await loadHomeSummary(ctxOf(patient.id));
    expect(summary.appsAwaitingConsent).toEqual([{ name: "Tensio+" }]);
  });

  it("counts only what came after the sign-in before this one, and says who added each document", async () => {
    const patient = await newUser();
    const doctor = await newUser(["PROFESSIONAL"], "Sophie", "Bernard");
    await signIn(patient.id, new Date("2026-03-01T10:00:00Z"));
    await signIn(patient.id, new Date("2026-03-10T10:00:00Z"));
    await addDocument(patient.id, "Ancienne ordonnance", new Date("2026-02-01T10:00:00Z"), { addedById: patient.id });
    await addDocument(patient.id, "Compte rendu", new Date("2026-03-05T10:00:00Z"), { addedById: doctor.id, authorKind: "PROFESSIONAL" });
    await addDocument(patient.id, "Radio du genou", new Date("2026-03-06T10:00:00Z"), {
      authorKind: "ESTABLISHMENT",
      authorLabel: "Clinique du Parc",
    });
    const other = await newUser();
    await addDocument(other.id, "Pas le mien", new Date("2026-03-07T10:00:00Z"), { addedById: other.id });

    const summary = await loadHomeSummary(ctxOf(patient.id));
    expect(summary.since).toEqual(new Date("2026-03-01T10:00:00Z"));
    expect(summary.newDocumentCount).toBe(2);
    expect(summary.hasDocuments).toBe(true);
    expect(summary.newDocuments.map((document) => [document.title, document.addedBy])).toEqual([
      ["Radio du genou", { kind: "label", name: "Clinique du Parc", authorKind: "ESTABLISHMENT" }],
      ["Compte rendu", { kind: "person", name: "Sophie Bernard" }],
    ]);
  });

  it("is the patient's own: a person without a patient record is refused", async () => {
    const professional = await newUser(["PROFESSIONAL"]);
    await expect(loadHomeSummary(ctxOf(professional.id, ["PROFESSIONAL"]))).rejects.toBeInstanceOf(AppError);
  });
});
