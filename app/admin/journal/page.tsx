import type { Metadata } from "next";
import { getMessages, getTranslations } from "next-intl/server";
import { ChainCheck } from "@/components/staff/chain-check";
import { JournalEntries } from "@/components/staff/journal-entries";
import { JournalFilters } from "@/components/staff/journal-filters";
import { FormAlert } from "@/components/ui/form-alert";
import { getFormattingLocale } from "@/lib/i18n/app-locale";
import { uncheckedTranslator } from "@/lib/i18n/unchecked-translator";
import { parseAuditLogFilters } from "@/lib/server/admin/audit-log-filters";
import { getLatestHistoryChainCheck } from "@/lib/server/admin/history-chain-check";
import { listAuditLog } from "@/lib/server/admin/list-audit-log";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { checkHistoryChainsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.journal"))("title") };
}

const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * /admin/journal: the staff audit log with its filters in the address (so a filtered view can be
 * shared and exported as it is), keyset pages of 50, the CSV export and the history chain check.
 */
export default async function StaffJournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffForPage("/admin/journal", "admin:audit");
  const params = await searchParams;
  const [t, locale, messages] = await Promise.all([getTranslations("staff.journal"), getFormattingLocale(), getMessages()]);
  // Role, action and detail names come from the stored entries: describeAudit* ask has() first.
  const translate = uncheckedTranslator({ locale, messages, namespace: "staff" });
  const parsed = parseAuditLogFilters(params);
  const raw = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : "");
  const cursor = typeof params.apres === "string" && CURSOR.test(params.apres) ? params.apres : null;
  const ctx = await pageCtx();
  const [page, latestCheck] = await Promise.all([
    parsed.success ? listAuditLog(ctx, { staff, filters: parsed.data, cursor }) : null,
    getLatestHistoryChainCheck(ctx, { staff }),
  ]);

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </div>

      <JournalFilters raw={raw} translate={translate} />

      {!parsed.success && (
        <FormAlert>
          {t("filters.invalid", { field: t(`filters.${String(parsed.error.issues[0]?.path[0] ?? "staff") as "staff"}`) })}
        </FormAlert>
      )}

      {page && parsed.success && <JournalEntries page={page} filters={parsed.data} cursor={cursor} translate={translate} />}

      <section aria-labelledby="chains-heading" className="space-y-3 rounded border border-slate-200 p-4">
        <h2 id="chains-heading" className="text-xl font-semibold">
          {t("chains.heading")}
        </h2>
        <p className="text-muted">{t("chains.intro")}</p>
        <ChainCheck action={checkHistoryChainsAction} latest={latestCheck} />
      </section>
    </div>
  );
}
