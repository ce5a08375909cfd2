import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccountFacts } from "@/components/support/account-facts";
import { SupportEventTable } from "@/components/support/support-event-table";
import { isRecentlyAuthenticated } from "@/lib/server/auth/reauth/is-recently-authenticated";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { AppError } from "@/lib/server/errors";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { getSupportAccount } from "@/lib/server/support/get-support-account";
import { AccountActions } from "./account-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.accounts"))("title") };
}

/**
 * /admin/comptes/<id>: one account as support sees it (metadata and aggregates, no health data) and
 * the actions support may take on it. Opening it writes ACCOUNT_VIEWED to the staff audit log.
 */
export default async function SupportAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffForPage(`/admin/comptes/${encodeURIComponent(id)}`, "support:accounts");
  const ctx = await pageCtx();
  const account = await getSupportAccount(ctx, { staff, userId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("support");
  const now = new Date();

  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <Link href="/admin/comptes" className="text-brand underline">
          {t("account.back")}
        </Link>
        <h1 className="text-3xl font-bold">
          {account.firstName} {account.lastName}
        </h1>
        <p className="text-muted">{t("account.notice")}</p>
      </div>

      <AccountFacts account={account} now={now} />

      <AccountActions
        account={account}
        isSelf={account.id === staff.userId}
        now={now}
        recentlyAuthenticated={isRecentlyAuthenticated(staff)}
      />

      <section aria-labelledby="events-heading" className="space-y-3">
        <h2 id="events-heading" className="text-xl font-semibold">
          {t("account.eventsTitle")}
        </h2>
        <SupportEventTable events={account.securityEvents} />
      </section>
    </div>
  );
}
