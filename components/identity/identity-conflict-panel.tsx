import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import type { IdentityConflictView } from "@/lib/server/identity/get-identity-conflict";
import { ResolveConflictForm } from "./resolve-conflict-form";

type Props = { conflict: IdentityConflictView; action: React.ComponentProps<typeof ResolveConflictForm>["action"] };

/**
 * An identity conflict on a support ticket: both spaces (ids, links to their accounts, their tickets),
 * the qualification held and the one refused — metadata only — and the decision while it is open.
 */
export async function IdentityConflictPanel({ conflict, action }: Props) {
  const [t, tIdentity, format] = await Promise.all([getTranslations("identity.support"), getTranslations("identity"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone: PARIS_TIME_ZONE });
  const facts = (f: IdentityConflictView["claimant"]["claim"]) => ({
    method: tIdentity(`methods.${f.method}`),
    document: f.documentType ? tIdentity(`documentTypes.${f.documentType}`) : t("noDocument"),
    by: f.by,
    date: when(f.at),
  });
  const party = (id: string, title: string, person: IdentityConflictView["holder"] | IdentityConflictView["claimant"], line: string) => (
    <div className="space-y-1" data-testid={id}>
      <h3 className="text-lg font-semibold">{title}</h3>
      <p>
        {t("account", { id: person.id })} ·{" "}
        <Link href={`/admin/comptes/${person.id}`} className="text-brand underline hover:no-underline">
          {t("openAccount", { name: person.name })}
        </Link>
      </p>
      {person.ticket && (
        <p>
          <Link href={`/admin/tickets/${person.ticket.id}`} className="text-brand underline hover:no-underline">
            {t("ticket", { number: person.ticket.number })}
          </Link>
        </p>
      )}
      <p>{line}</p>
    </div>
  );
  return (
    <section
      aria-labelledby="identity-conflict-title"
      className="space-y-4 rounded-lg border-l-4 border-brand bg-brand-light px-4 py-3"
      data-testid="identity-conflict"
    >
      <h2 id="identity-conflict-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      <p>
        {t("nir")} : <code>{conflict.nir}</code>
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {party(
          "conflict-holder",
          t("holder"),
          conflict.holder,
          conflict.holder.qualification ? t("qualification", facts(conflict.holder.qualification)) : t("noQualification"),
        )}
        {party("conflict-claimant", t("claimant"), conflict.claimant, t("claim", facts(conflict.claimant.claim)))}
      </div>
      {conflict.resolution && conflict.resolvedAt ? (
        <p className="font-medium">
          {t("resolvedOn", { date: when(conflict.resolvedAt), resolution: t(`resolutions.${conflict.resolution}`) })}
        </p>
      ) : (
        <ResolveConflictForm action={action} conflictId={conflict.id} />
      )}
    </section>
  );
}
