import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordHistory } from "@/lib/server/history/record-history";
import type { Actor } from "@/lib/server/policy/policy";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { countUnreadAlerts } from "./count-unread-alerts";
import { listAlerts } from "./list-alerts";
import { markAlertsRead } from "./mark-alerts-read";
import { alertOnProfessionalAccess, isFirstAccessBy } from "./notify-patient";

const as = (userId: string, roles: ("PATIENT" | "PROFESSIONAL" | "SUPPORT")[] = ["PATIENT"]): Actor => ({
  userId,
  roles,
  stage: "FULL",
  hasConfirmedFactor: true,
});

describe("the patient's alerts", () => {
  const db = useTestDb();
  const doctor = (userId: string) => ({ userId, role: "PROFESSIONAL" as const, label: "Dr Sophie Bernard" });

  async function newUser(roles: ("PATIENT" | "PROFESSIONAL" | "SUPPORT")[] = ["PATIENT"], locale: "fr" | "en" = "fr") {
    const email = `alerts-${randomUUID()}@test.local`;
    const user = await db.user.create({
      data: { email, firstName: "Léa", lastName: "Roux", roles, status: "ACTIVE", locale },
      select: { id: true },
    });
    return { id: user.id, email };
  }

  /** What a professional-side service does: check first access, record the access, alert, in one transaction. */
  async function professionalAccess(patientId: string, proId: string, { emergency = false } = {}) {
    return db.$transaction(async (tx) => {
      const first = await isFirstAccessBy(tx, patientId, proId);
      await recordHistory(tx, {
        patientId,
        actor: doctor(proId),
        action: emergency ? "EMERGENCY_ACCESS" : "DOCUMENT_VIEWED",
        document: emergency ? null : { id: randomUUID(), title: "Bilan sanguin confidentiel" },
        details: emergency ? { basis: "EMERGENCY", reason: "Inconsciente aux urgences" } : { basis: "CONSENT" },
      });
      const entry = await tx.historyEntry.findFirstOrThrow({ where: { patientId }, orderBy: { sequence: "desc" }, select: { id: true } });
      if (!emergency && !first) return { first, outcome: null };
      const outcome = await alertOnProfessionalAccess(tx, {
        patientId,
        historyEntryId: entry.id,
        actor: doctor(proId),
        kind: emergency ? "EMERGENCY_ACCESS" : "FIRST_PROFESSIONAL_ACCESS",
      });
      return { first, outcome, entryId: entry.id };
    });
  }

  it("alerts in the app and by e-mail on a professional's first access only, naming who and when, never the document", async () => {
    const patient = await newUser();
    const pro = await newUser(["PROFESSIONAL"]);
    const first = await professionalAccess(patient.id, pro.id);
    expect(first.first).toBe(true);
    expect(first.outcome?.messageId).toBeTruthy();
    const second = await professionalAccess(patient.id, pro.id);
    expect(second).toEqual({ first: false, outcome: null });

    const alerts = await listAlerts(testCtx(db, { actor: as(patient.id) }), { patientId: patient.id });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: "FIRST_PROFESSIONAL_ACCESS",
      actorLabel: "Dr Sophie Bernard",
      historyEntryId: first.entryId,
      readAt: null,
    });

    const mail = await db.outboundMessage.findUniqueOrThrow({ where: { id: first.outcome!.messageId! } });
    expect(mail.recipient).toBe(patient.email);
    expect(mail.subject).toBe("Un professionnel a accédé à votre espace");
    expect(mail.body).toContain("Dr Sophie Bernard a accédé à votre espace santé pour la première fois");
    expect(mail.body).toMatch(/le \d{1,2} \S+ 20\d\d à \d{2}:\d{2} \(heure de Paris\)/);
    expect(mail.body).toContain(`/historique?entree=${first.entryId}`);
    expect(mail.body).not.toContain("Bilan");
    expect(await db.outboundMessage.count({ where: { recipient: patient.email } })).toBe(1);
  });

  it("sends no first-access e-mail when the patient turned it off, but always one on an emergency access", async () => {
    const patient = await newUser(["PATIENT"], "en");
    const pro = await newUser(["PROFESSIONAL"]);
    await db.patientAccessSettings.create({ data: { patientId: patient.id, alertFirstAccessByEmail: false } });
    const first = await professionalAccess(patient.id, pro.id);
    expect(first.outcome).toMatchObject({ messageId: null });
    const emergency = await professionalAccess(patient.id, pro.id, { emergency: true });
    const mail = await db.outboundMessage.findUniqueOrThrow({ where: { id: emergency.outcome!.messageId! } });
    expect(mail.subject).toBe("Emergency access to your space");
    expect(mail.body).toContain("Dr Sophie Bernard used emergency access");
    expect(mail.body).not.toContain("Inconsciente");
    expect((await listAlerts(testCtx(db, { actor: as(patient.id) }), { patientId: patient.id })).map((alert) => alert.kind)).toEqual([
      "EMERGENCY_ACCESS",
      "FIRST_PROFESSIONAL_ACCESS",
    ]);
  });

  it("refuses an entry from another patient's history", async () => {
    const patient = await newUser();
    const other = await newUser();
    const pro = await newUser(["PROFESSIONAL"]);
    const { entryId } = await professionalAccess(other.id, pro.id);
    await expect(
      db.$transaction((tx) =>
        alertOnProfessionalAccess(tx, { patientId: patient.id, historyEntryId: entryId!, actor: doctor(pro.id), kind: "EMERGENCY_ACCESS" }),
      ),
    ).rejects.toThrow(/not in this patient's history/);
  });

  it("counts the unread, marks one or all read, and only the patient's own", async () => {
    const patient = await newUser();
    const other = await newUser();
    const pro = await newUser(["PROFESSIONAL"]);
    await professionalAccess(patient.id, pro.id);
    await professionalAccess(patient.id, pro.id, { emergency: true });
    await professionalAccess(other.id, pro.id);
    expect(await countUnreadAlerts(db, as(patient.id))).toBe(2);
    expect(await countUnreadAlerts(db, null)).toBe(0);

    const [emergency] = await listAlerts(testCtx(db, { actor: as(patient.id) }), { patientId: patient.id });
    const [othersAlert] = await listAlerts(testCtx(db, { actor: as(other.id) }), { patientId: other.id });
    // Someone else's alert id changes nothing.
    expect(await markAlertsRead(testCtx(db, { actor: as(patient.id) }), { patientId: patient.id, alertId: othersAlert!.id })).toBe(0);
    expect(await markAlertsRead(testCtx(db, { actor: as(patient.id) }), { patientId: patient.id, alertId: emergency!.id })).toBe(1);
    expect(await countUnreadAlerts(db, as(patient.id))).toBe(1);
    const after = await listAlerts(testCtx(db, { actor: as(patient.id) }), { patientId: patient.id });
    expect(after.map((alert) => [alert.kind, !!alert.readAt])).toEqual([
      ["FIRST_PROFESSIONAL_ACCESS", false],
      ["EMERGENCY_ACCESS", true],
    ]);
    expect(await markAlertsRead(testCtx(db, { actor: as(patient.id) }), { patientId: patient.id, alertId: "all" })).toBe(1);
    expect(await countUnreadAlerts(db, as(patient.id))).toBe(0);
    expect(await countUnreadAlerts(db, as(other.id))).toBe(1);

    for (const actor of [as(other.id), as(pro.id, ["PROFESSIONAL"])]) {
      await expect(listAlerts(testCtx(db, { actor }), { patientId: patient.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(markAlertsRead(testCtx(db, { actor }), { patientId: patient.id, alertId: "all" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("keeps 'first' exact under concurrent first accesses by the same professional", async () => {
    const patient = await newUser();
    const pro = await newUser(["PROFESSIONAL"]);
    const results = await Promise.all(Array.from({ length: 4 }, () => professionalAccess(patient.id, pro.id)));
    expect(results.filter((result) => result.first)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: patient.id } })).toBe(1);
  });
});
