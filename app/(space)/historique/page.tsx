import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { HistoryView } from "@/components/history/history-view";
import { QueryProvider } from "@/components/providers/query-provider";
import { LiveRegion } from "@/components/ui/live-region";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { findHistoryEntry } from "@/lib/server/history/find-history-entry";
import { listHistoryAuthors } from "@/lib/server/history/list-history-authors";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Historique des accès": the patient's own history (the services authorize: only the patient
 * themself passes). `?entree=<id>` (from an alert or its e-mail) shows that entry first.
 */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const patient = await requirePatientForPage("/historique");
  const t = await getTranslations("history");
  if (!patient) return <NotPatientNotice title={t("title")} />;
  const { patientId } = patient;
  const ctx = await signedInPageCtx();
  const entryId = (await searchParams).entree;
  const [authors, highlighted] = await Promise.all([
    listHistoryAuthors(ctx, { patientId }),
    typeof entryId === "string" && UUID.test(entryId) ? findHistoryEntry(ctx, { patientId, entryId }) : null,
  ]);
  return (
    <ClientMessages namespaces={["catalogue.file.system", "directory", "documents.report.reasons", "history", "space.categories"]}>
      <QueryProvider>
        <LiveRegion>
          <div className="space-y-8">
            <div className="space-y-2">
              <h1 className="text-3xl font-bold">{t("title")}</h1>
              <p className="text-muted">{t("intro")}</p>
            </div>
            {/* The view reads its tab and filters from the address (useSearchParams). */}
            <Suspense fallback={<p>{t("loading")}</p>}>
              <HistoryView authors={authors} highlighted={highlighted} />
            </Suspense>
          </div>
        </LiveRegion>
      </QueryProvider>
    </ClientMessages>
  );
}
