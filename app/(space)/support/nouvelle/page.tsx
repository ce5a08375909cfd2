import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OpenTicketForm } from "@/components/tickets/open-ticket-form";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { openTicketAction } from "../actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets.new"))("title") };
}

/** A new request to support (the action checks the session again). */
export default async function NewTicketPage() {
  await requireFullSessionForPage("/support/nouvelle");
  const t = await getTranslations("tickets.new");
  return (
    <ClientMessages namespaces={["security.form", "security.reauth", "tickets"]}>
      <div className="space-y-6">
        <p>
          <Link href="/support" className="text-brand underline hover:no-underline">
            {t("back")}
          </Link>
        </p>
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="text-muted">{t("intro")}</p>
        </div>
        <OpenTicketForm action={openTicketAction} />
      </div>
    </ClientMessages>
  );
}
