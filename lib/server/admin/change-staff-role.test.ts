import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AccountStatus, Role } from "@/lib/generated/prisma/client";
import { completeSecondFactor, startPasswordSession } from "@/lib/server/auth/sessions/create-session";
import { validateSession } from "@/lib/server/auth/sessions/validate-session";
import { AppError } from "@/lib/server/errors";
import { actorOf, can } from "@/lib/server/policy/policy";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { changeStaffRole } from "./change-staff-role";

const REASON = "Rejoint l'équipe support le 1er mars";

describe("giving and withdrawing staff roles", () => {
  const db = useTestDb();

  async function account({ roles = ["PATIENT"] as Role[], status = "ACTIVE" as AccountStatus, factor = true } = {}) {
    const user = await db.user.create({
      data: {
        email: `roles-${randomUUID()}@test.localhost`,
        firstName: "Alex",
        lastName: `Rôle ${randomUUID().slice(0, 4)}`,
        roles,
        status,
      },
      select: { id: true, firstName: true, lastName: true },
    });
    if (factor) await db.authFactor.create({ data: { userId: user.id, kind: "TOTP", confirmedAt: new Date() } });
    return user;
  }

  async function admin(): Promise<StaffActor> {
    const user = await account({ roles: ["ADMIN"] });
    return {
      userId: user.id,
      role: "ADMIN",
      label: `${user.firstName} ${user.lastName}`,
      actor: { userId: user.id, roles: ["ADMIN"], stage: "FULL", hasConfirmedFactor: true },
    };
  }

  const rolesOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { roles: true } })).roles;
  const auditOf = (targetUserId: string) =>
    db.staffAuditEntry.findMany({
      where: { targetUserId },
      select: { action: true, actorId: true, actorRole: true, reason: true, details: true },
    });
  const eventsOf = async (userId: string) =>
    (await db.securityEvent.findMany({ where: { userId }, select: { kind: true } })).map((event) => event.kind);

  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, key: (error as AppError).messageKey };
  }

  it("grants a role with the security event and the audit entry, and withdraws it, each in the same transaction", async () => {
    const staff = await admin();
    const target = await account();

    await expect(
      changeStaffRole(testCtx(db, { ip: "10.1.2.3" }), {
        staff,
        change: { targetUserId: target.id, role: "SUPPORT", grant: true, reason: REASON },
      }),
    ).resolves.toEqual({ roles: ["PATIENT", "SUPPORT"] });
    expect(await rolesOf(target.id)).toEqual(["PATIENT", "SUPPORT"]);
    expect(await eventsOf(target.id)).toEqual(["ROLE_GRANTED"]);
    expect(await auditOf(target.id)).toEqual([
      { action: "ROLE_GRANTED", actorId: staff.userId, actorRole: "ADMIN", reason: REASON, details: { role: "SUPPORT" } },
    ]);

    await changeStaffRole(testCtx(db), {
      staff,
      change: { targetUserId: target.id, role: "SUPPORT", grant: false, reason: "Quitte l'équipe support" },
    });
    expect(await rolesOf(target.id)).toEqual(["PATIENT"]);
    expect((await eventsOf(target.id)).sort()).toEqual(["ROLE_GRANTED", "ROLE_REVOKED"]);
    expect((await auditOf(target.id)).map((entry) => entry.action).sort()).toEqual(["ROLE_GRANTED", "ROLE_REVOKED"]);
  });

  it("refuses a change of one's own roles, whatever the target field says, and writes nothing", async () => {
    const staff = await admin();
    expect(
      await refusal(
        changeStaffRole(testCtx(db), { staff, change: { targetUserId: staff.userId, role: "SUPPORT", grant: true, reason: REASON } }),
      ),
    ).toEqual({ code: "FORBIDDEN", key: "staff.roles.errors.self" });
    // A form naming another actor changes nothing: the actor is the session's, the target is compared with it.
    const forged = {
      targetUserId: staff.userId,
      role: "ADMIN" as const,
      grant: false,
      reason: REASON,
      actorId: randomUUID(),
      roles: ["ADMIN"],
    };
    expect((await refusal(changeStaffRole(testCtx(db), { staff, change: forged }))).code).toBe("FORBIDDEN");
    expect(await rolesOf(staff.userId)).toEqual(["ADMIN"]);
    expect(await auditOf(staff.userId)).toEqual([]);
    expect(await eventsOf(staff.userId)).toEqual([]);
  });

  it("refuses a non-admin, even one holding another staff role", async () => {
    const support = await account({ roles: ["SUPPORT"] });
    const target = await account();
    const staff: StaffActor = {
      userId: support.id,
      role: "SUPPORT",
      label: "Agent",
      actor: { userId: support.id, roles: ["SUPPORT"], stage: "FULL", hasConfirmedFactor: true },
    };
    expect(
      (
        await refusal(
          changeStaffRole(testCtx(db), { staff, change: { targetUserId: target.id, role: "ADMIN", grant: true, reason: REASON } }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(await rolesOf(target.id)).toEqual(["PATIENT"]);
  });

  it("gives a staff role only to an active account with a confirmed second factor", async () => {
    const staff = await admin();
    const factorless = await account({ factor: false });
    const disabled = await account({ status: "DISABLED" });
    const unconfirmed = await account({ factor: false });
    await db.authFactor.create({ data: { userId: unconfirmed.id, kind: "EMAIL_OTP", confirmedAt: null } });

    expect(
      await refusal(
        changeStaffRole(testCtx(db), { staff, change: { targetUserId: factorless.id, role: "SUPPORT", grant: true, reason: REASON } }),
      ),
    ).toEqual({ code: "CONFLICT", key: "staff.roles.errors.noFactor" });
    expect(
      (
        await refusal(
          changeStaffRole(testCtx(db), { staff, change: { targetUserId: unconfirmed.id, role: "CURATOR", grant: true, reason: REASON } }),
        )
      ).key,
    ).toBe("staff.roles.errors.noFactor");
    expect(
      (
        await refusal(
          changeStaffRole(testCtx(db), { staff, change: { targetUserId: disabled.id, role: "ADMIN", grant: true, reason: REASON } }),
        )
      ).key,
    ).toBe("staff.roles.errors.notActive");
    for (const user of [factorless, disabled, unconfirmed]) {
      expect(await rolesOf(user.id)).toEqual(["PATIENT"]);
      expect(await auditOf(user.id)).toEqual([]);
    }
  });

  it("never withdraws the last active admin", async () => {
    const staff = await admin();
    const other = await account({ roles: ["ADMIN"] });
    // The file's database is its own: disabling every other admin (the actor and the earlier tests'
    // included) leaves `other` the last active one.
    await db.user.updateMany({ where: { roles: { has: "ADMIN" }, id: { not: other.id } }, data: { status: "DISABLED" } });
    expect(
      await refusal(
        changeStaffRole(testCtx(db), { staff, change: { targetUserId: other.id, role: "ADMIN", grant: false, reason: REASON } }),
      ),
    ).toEqual({
      code: "CONFLICT",
      key: "staff.roles.errors.lastAdmin",
    });
    // With another active admin (the actor), the same withdrawal goes through.
    await db.user.update({ where: { id: staff.userId }, data: { status: "ACTIVE" } });
    await changeStaffRole(testCtx(db), { staff, change: { targetUserId: other.id, role: "ADMIN", grant: false, reason: REASON } });
    expect(await rolesOf(other.id)).toEqual([]);
  });

  it("a withdrawal applies to the target's very next request: roles are read from the account, not kept in the session", async () => {
    const staff = await admin();
    const agent = await account({ roles: ["SUPPORT"] });
    const half = await startPasswordSession(db, { userId: agent.id });
    const { token } = (await completeSecondFactor(db, { halfToken: half.token }))!;
    const permissionNow = async () => {
      const session = await validateSession(db, { token });
      expect(session).not.toBeNull();
      return can(actorOf({ ...session!, hasConfirmedFactor: true }), "support:accounts");
    };

    expect(await permissionNow()).toBe(true);
    await changeStaffRole(testCtx(db), {
      staff,
      change: { targetUserId: agent.id, role: "SUPPORT", grant: false, reason: "Changement de service" },
    });
    expect(await permissionNow()).toBe(false);
  });
});
