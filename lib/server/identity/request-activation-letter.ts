import "server-only";
import { createTranslator } from "use-intl/core";
import { messages } from "@/lib/i18n/messages";
import { CODE_POLICY, issueCode } from "@/lib/server/auth/codes/one-time-codes";
import { recordSecurityEvent } from "@/lib/server/auth/record-security-event";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { recordHistory } from "@/lib/server/history/record-history";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { enqueueEmail, enqueueLetter } from "@/lib/server/messaging/enqueue-message";
import { mailText } from "@/lib/server/messaging/mail-text";
import { consumeRateLimit } from "@/lib/server/rate-limit/consume-rate-limit";
import { addressBlock, newActivationCode, printedActivationCode } from "./activation-letter";
import { ownPatientId } from "./own-patient";

/** A letter costs money and takes days: three per month is plenty for a lost one. */
export const ACTIVATION_LETTER_LIMIT = { limit: 3, windowSeconds: 30 * 24 * 60 * 60 } as const;

/**
 * Way 2, first half: posts a single-use activation code to the address on file, bound to the NIR the
 * patient declared (a NIR changed afterwards is not what the code qualifies). Only the code's keyed
 * hash is stored; a newer letter voids the older one. The patient is also told by mail, so that a
 * letter asked from a stolen session does not go unnoticed.
 */
export async function requestActivationLetter(ctx: SignedInCtx): Promise<{ expiresAt: Date }> {
  const { db, actor } = ctx;
  const patientId = ownPatientId(actor);
  const person = await db.user.findUniqueOrThrow({
    where: { id: patientId },
    select: {
      email: true,
      firstName: true,
      lastName: true,
      locale: true,
      declaredNir: true,
      addressLine1: true,
      addressLine2: true,
      postalCode: true,
      city: true,
      identityQualification: { select: { id: true } },
    },
  });
  if (person.identityQualification)
    throw new AppError("CONFLICT", "identity already qualified", { messageKey: "identity.errors.alreadyQualified" });
  if (!person.declaredNir)
    throw new AppError("BAD_REQUEST", "no declared NIR", { messageKey: "identity.errors.nirRequired", field: "nir" });
  const to = addressBlock(person);
  if (!to) throw new AppError("BAD_REQUEST", "no postal address", { messageKey: "identity.errors.addressRequired", field: "addressLine1" });
  const limit = await consumeRateLimit(db, { key: `identity-letter:account:${patientId}`, ...ACTIVATION_LETTER_LIMIT });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "too many letters", { messageKey: "identity.errors.tooManyLetters" });

  const t = createTranslator({ locale: person.locale, messages: messages[person.locale] }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  const days = CODE_POLICY.IDENTITY_ACTIVATION.ttlMinutes / (24 * 60);
  const historyActor = await historyActorOf(db, actor, "PATIENT");
  const mail = await mailText(person.locale, "identityLetterSent", { firstName: person.firstName });
  const now = ctx.now();
  const mailId = await db.$transaction(async (tx) => {
    const code = await issueCode(tx, {
      userId: patientId,
      purpose: "IDENTITY_ACTIVATION",
      target: person.declaredNir!,
      code: newActivationCode(),
      now,
    });
    await enqueueLetter(tx, {
      to,
      subject: t("identity.postalLetter.subject"),
      text: t("identity.postalLetter.body", { firstName: person.firstName, code: printedActivationCode(code), days }),
    });
    await recordHistory(tx, { patientId, actor: historyActor, action: "IDENTITY_ACTIVATION_LETTER_REQUESTED", ipAddress: ctx.ip });
    await recordSecurityEvent(tx, {
      userId: patientId,
      kind: "IDENTITY_ACTIVATION_LETTER_REQUESTED",
      context: { ip: ctx.ip, log: ctx.log },
    });
    return enqueueEmail(tx, { to: person.email, ...mail });
  });
  afterCommitDeliver(mailId);
  return { expiresAt: new Date(now.getTime() + CODE_POLICY.IDENTITY_ACTIVATION.ttlMinutes * 60_000) };
}
