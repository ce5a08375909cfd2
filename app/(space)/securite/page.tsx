import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CodeFactorSection } from "@/components/factors/code-factor-section";
import { PasskeySection } from "@/components/factors/passkey-section";
import { ChangeEmailForm } from "@/components/security/change-email-form";
import { ChangePasswordForm } from "@/components/security/change-password-form";
import { ReauthNotice } from "@/components/security/reauth-notice";
import { SecurityEventList } from "@/components/security/security-event-list";
import { SessionList } from "@/components/security/session-list";
import { TotpFactorList } from "@/components/factors/totp-factor-list";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { listSecurityEvents } from "@/lib/server/auth/list-security-events";
import { isRecentlyAuthenticated } from "@/lib/server/auth/reauth/is-recently-authenticated";
import { countRemainingRecoveryCodes, RECOVERY_CODE_COUNT } from "@/lib/server/auth/recovery-codes";
import { listFactors } from "@/lib/server/auth/security-settings/list-factors";
import { listActiveSessions } from "@/lib/server/auth/sessions/list-sessions";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { getDb } from "@/lib/server/db";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SecurityPage() {
  const session = await requireFullSessionForPage("/securite");
  const db = getDb();
  const ctx = await signedInPageCtx();
  const userId = session.user.id;
  const [t, sessions, factors, recoveryLeft, events] = await Promise.all([
    getTranslations("security"),
    listActiveSessions(ctx),
    listFactors(db, { userId }),
    countRemainingRecoveryCodes(db, userId),
    listSecurityEvents(db, { userId }),
  ]);
  return (
    <ClientMessages
      namespaces={[
        "auth",
        "codes.enrol",
        "codes.form",
        "codes.section",
        "passkeys",
        "security.email",
        "security.factors",
        "security.form",
        "security.password",
        "security.reauth",
        "security.sessions",
      ]}
    >
      <div className="space-y-12">
        <div className="space-y-4">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="text-muted">{t("intro")}</p>
          {!isRecentlyAuthenticated(session) && <ReauthNotice returnTo="/securite" />}
        </div>

        <Section id="sessions-title" title={t("sessions.title")}>
          <SessionList sessions={sessions} currentSessionId={session.sessionId} />
        </Section>

        {/* Each kind of factor is its own section; the passkey and code sections come from their features. */}
        <Section id="totp-title" title={t("totp.title")}>
          <p className="text-muted">{t("factors.intro")}</p>
          <TotpFactorList factors={factors.filter((factor) => factor.kind === "TOTP")} />
        </Section>
        <PasskeySection userId={userId} />
        <CodeFactorSection userId={userId} />
        <Section id="recovery-title" title={t("recovery.title")}>
          <p>{recoveryLeft === 0 ? t("recovery.none") : t("recovery.remaining", { count: recoveryLeft, total: RECOVERY_CODE_COUNT })}</p>
          <Link href="/securite/codes-de-secours" className="inline-block text-brand underline">
            {recoveryLeft === 0 ? t("recovery.generate") : t("recovery.regenerate")}
          </Link>
        </Section>

        <Section id="password-title" title={t("password.title")}>
          <ChangePasswordForm />
        </Section>

        <Section id="email-title" title={t("email.title")}>
          <ChangeEmailForm currentEmail={session.user.email} />
        </Section>

        <Section id="events-title" title={t("events.title")}>
          <p className="text-muted">{t("events.intro")}</p>
          <SecurityEventList events={events} />
        </Section>
      </div>
    </ClientMessages>
  );
}
