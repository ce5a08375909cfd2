import "server-only";
import type { Messages, MessageKeys, NestedKeyOf } from "next-intl";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { professionLabels, type DirectoryTranslator } from "@/lib/directory/professions";
import type { Receipt } from "./get-receipt";
import type { AccessSnapshot } from "./consent-record";

type ReceiptMessages = Messages["access"]["receipt"];

export type ReceiptText = {
  /** `access.receipt` messages. */
  t: (key: MessageKeys<ReceiptMessages, NestedKeyOf<ReceiptMessages>>, values?: Record<string, string | number>) => string;
  category: (category: DocumentCategory) => string;
  /** `directory` messages: the directory stores professions in French. */
  directory: DirectoryTranslator;
  dateTime: (date: Date) => string;
  date: (date: Date) => string;
};

function describeAccess(access: AccessSnapshot, { t, category }: ReceiptText): string {
  const what =
    access.scope === "ALL_VISIBLE"
      ? t("scopeAll")
      : access.scope === "CATEGORIES"
        ? t("scopeCategories", { categories: access.categories.map(category).join(", ") })
        : t("scopeDocuments", { count: access.documentIds.length });
  return `${what} ; ${access.canAdd ? t("readAdd") : t("readOnly")}`;
}

/**
 * A consent receipt as plain text, in the reader's language: what was decided, for whom (name,
 * profession, RPPS), from when to when, by whom and when. Built only from the receipt's snapshot.
 */
export function renderReceiptText(receipt: Receipt, text: ReceiptText): string {
  const { t, dateTime, date } = text;
  const { snapshot } = receipt;
  const who = snapshot.professional;
  const { profession, specialty } = professionLabels(text.directory, who);
  const lines = [
    t("heading"),
    "",
    t("reference", { id: receipt.id }),
    t("decision", { change: t(`changes.${snapshot.change}`) }),
    t("professional", {
      name: `${who.firstName} ${who.lastName}`,
      profession: specialty ? `${profession} (${specialty})` : profession,
      city: who.city,
    }),
    t("rpps", { rpps: who.rpps }),
  ];
  if (snapshot.access) {
    lines.push(t("access", { access: describeAccess(snapshot.access, text) }));
    lines.push(t("from", { date: dateTime(new Date(snapshot.access.validFrom)) }));
    const until = snapshot.endedAt ?? snapshot.access.validUntil;
    lines.push(
      until
        ? t(snapshot.endedAt ? "endedAt" : "until", { date: snapshot.endedAt ? dateTime(new Date(until)) : date(new Date(until)) })
        : t("noEnd"),
    );
  }
  for (const emergency of snapshot.emergency ?? []) {
    lines.push(
      t("emergency", {
        openedAt: dateTime(new Date(emergency.openedAt)),
        until: dateTime(new Date(emergency.plannedUntil)),
        reason: emergency.reason,
      }),
    );
  }
  if (!snapshot.access && snapshot.endedAt && snapshot.emergency?.length)
    lines.push(t("endedAt", { date: dateTime(new Date(snapshot.endedAt)) }));
  if (snapshot.previous) lines.push(t("previous", { access: describeAccess(snapshot.previous, text) }));
  if (snapshot.requestId) lines.push(t("answersRequest"));
  lines.push(
    t("decidedBy", { name: snapshot.decidedBy.label }),
    t("decidedAt", { date: dateTime(new Date(snapshot.decidedAt)) }),
    "",
    t("footer"),
  );
  return `${lines.join("\n")}\n`;
}
