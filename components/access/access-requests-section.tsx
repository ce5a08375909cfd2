import { getFormatter, getTranslations } from "next-intl/server";
import { refuseAccessRequestAction } from "@/app/(space)/acces/actions";
import { Section } from "@/components/ui/section";
import { parisDay } from "@/lib/consent/paris-date";
import { professionalName } from "@/lib/server/consent/consent-context";
import type { AccessOverview } from "@/lib/server/consent/get-access-overview";
import { ActionForm } from "@/components/ui/action-form";
import { GrantForm, type GrantFormDocument } from "./grant-form";
import { ProfessionalLine } from "./professional-line";

/** Requests professionals sent the patient: each can be accepted with a chosen scope, or refused. */
export async function AccessRequestsSection({
  requests,
  documents,
}: {
  requests: AccessOverview["pendingRequests"];
  documents: GrantFormDocument[];
}) {
  const [t, format] = await Promise.all([getTranslations("access"), getFormatter()]);
  const dayTime = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  return (
    <Section id="requests-title" title={t("requests.title")} focusable>
      {requests.length === 0 ? (
        <p className="text-muted">{t("requests.none")}</p>
      ) : (
        <ul className="space-y-4">
          {requests.map((request) => (
            <li key={request.id} className="space-y-3 rounded-lg border border-gray-300 p-4" data-testid="access-request">
              <ProfessionalLine professional={request.professional} />
              <p className="text-sm text-muted">{t("requests.received", { date: dayTime(request.createdAt) })}</p>
              {request.message && <p>{t("requests.message", { message: request.message })}</p>}
              <details className="rounded border border-gray-300 p-3">
                <summary className="cursor-pointer font-medium text-brand">
                  {t("requests.accept", { name: professionalName(request.professional) })}
                </summary>
                <div className="mt-4">
                  <GrantForm
                    target={{ kind: "request", requestId: request.id }}
                    idPrefix={`request-${request.id}`}
                    professionalName={professionalName(request.professional)}
                    documents={documents}
                    today={parisDay(new Date())}
                    submitLabel={t("requests.acceptSubmit")}
                    focusAfter="requests-title"
                  />
                </div>
              </details>
              <ActionForm
                action={refuseAccessRequestAction}
                fields={{ requestId: request.id }}
                label={t("requests.refuse")}
                srLabel={professionalName(request.professional)}
                success={t("requests.refused")}
                focusAfter="requests-title"
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
