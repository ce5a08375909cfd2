import "server-only";
import { z } from "zod";
import { shortenIpAddress } from "@/components/security/device";
import type {
  AccountStatus,
  FactorKind,
  IdentityDocumentType,
  IdentityQualificationMethod,
  Role,
  SecurityEventKind,
} from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { assertSupportAgent } from "./support-agent";

const FACTOR_KINDS: FactorKind[] = ["TOTP", "EMAIL_OTP", "SMS_OTP", "PASSKEY"];

/**
 * Everything support sees of an account: its state, how it signs in (kinds and counts, never a
 * secret, a phone number or a device name), its security events and aggregates. Deliberately no
 * document, health profile, measurement, connected app, grant or access history field: the type is
 * the list, and the integration test checks the keys.
 */
export type SupportAccountView = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** For the identity check on the phone: compared with what the caller says. */
  birthDate: Date | null;
  status: AccountStatus;
  roles: Role[];
  createdAt: Date;
  emailVerifiedAt: Date | null;
  lockedUntil: Date | null;
  consecutiveFailures: number;
  factors: Record<FactorKind, number>;
  recoveryCodesLeft: number;
  lastLogins: { at: Date; network: string | null }[];
  securityEvents: { id: string; kind: SecurityEventKind; at: Date; network: string | null }[];
  activeSessions: number;
  storage: { documents: number; bytes: number };
  openTickets: number;
  /** Whether the identity is qualified and how (metadata: method, document type, who, when), and whether a NIR is declared; never the NIR. */
  identity: {
    nirDeclared: boolean;
    qualification: {
      method: IdentityQualificationMethod;
      documentType: IdentityDocumentType | null;
      qualifiedBy: string;
      qualifiedAt: Date;
    } | null;
  };
};

const idSchema = z.uuid();

/**
 * Opens an account for a support agent and writes ACCOUNT_VIEWED to the staff audit log: who looked
 * at whom is itself worth keeping. An unknown or malformed id is NOT_FOUND.
 */
export async function getSupportAccount(
  { db, ip: ipAddress }: Ctx,
  { staff, userId, now = new Date() }: { staff: StaffActor; userId: string; now?: Date },
): Promise<SupportAccountView> {
  assertSupportAgent(staff);
  if (!idSchema.safeParse(userId).success) throw new AppError("NOT_FOUND", "No such account.");
  const found = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      birthDate: true,
      status: true,
      roles: true,
      createdAt: true,
      emailVerifiedAt: true,
      lockedUntil: true,
      consecutiveFailures: true,
      declaredNir: true,
      identityQualification: { select: { method: true, documentType: true, qualifiedByLabel: true, createdAt: true } },
    },
  });
  if (!found) throw new AppError("NOT_FOUND", "No such account.");
  const { declaredNir, identityQualification: qualification, ...user } = found;

  const [factorGroups, recoveryCodesLeft, logins, events, activeSessions, storage, openTickets] = await Promise.all([
    db.authFactor.groupBy({ by: ["kind"], where: { userId, confirmedAt: { not: null } }, _count: { _all: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
    db.securityEvent.findMany({
      where: { userId, kind: "LOGIN_SECOND_FACTOR_SUCCEEDED" },
      select: { createdAt: true, ipAddress: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
    }),
    db.securityEvent.findMany({
      where: { userId },
      select: { id: true, kind: true, createdAt: true, ipAddress: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
    }),
    db.session.count({ where: { userId, expiresAt: { gt: now } } }),
    // Aggregates only: the quota in use, never a row of the documents table.
    db.document.aggregate({ where: { ownerId: userId }, _count: { _all: true }, _sum: { sizeBytes: true } }),
    db.supportTicket.count({ where: { requesterId: userId, status: { not: "CLOSED" } } }),
  ]);

  await recordStaffAction(db, {
    staff,
    action: "ACCOUNT_VIEWED",
    target: { userId: user.id, label: `${user.firstName} ${user.lastName}` },
    ipAddress,
  });

  const factors = Object.fromEntries(
    FACTOR_KINDS.map((kind) => [kind, factorGroups.find((group) => group.kind === kind)?._count._all ?? 0]),
  ) as Record<FactorKind, number>;
  return {
    ...user,
    factors,
    recoveryCodesLeft,
    // Addresses cut to their network part: enough to say "the same place as usual", not to locate anyone.
    lastLogins: logins.map((login) => ({ at: login.createdAt, network: shortenIpAddress(login.ipAddress) })),
    securityEvents: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      at: event.createdAt,
      network: shortenIpAddress(event.ipAddress),
    })),
    activeSessions,
    storage: { documents: storage._count._all, bytes: storage._sum.sizeBytes ?? 0 },
    openTickets,
    identity: {
      nirDeclared: declaredNir !== null,
      qualification: qualification
        ? {
            method: qualification.method,
            documentType: qualification.documentType,
            qualifiedBy: qualification.qualifiedByLabel,
            qualifiedAt: qualification.createdAt,
          }
        : null,
    },
  };
}
