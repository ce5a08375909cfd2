import { getFormatter, getTranslations } from "next-intl/server";
import { getFormattingLocale } from "@/lib/i18n/app-locale";
import type { FactorKind } from "@/lib/generated/prisma/client";
import type { SupportAccountView } from "@/lib/server/support/get-support-account";
import { formatBytes } from "@/lib/format/format-bytes";

const FAR_FUTURE_YEAR = 9999;

function Facts({ children }: { children: React.ReactNode }) {
  return <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">{children}</dl>;
}

function Fact({ term, children, testId }: { term: string; children: React.ReactNode; testId?: string }) {
  return (
    <>
      <dt className="font-medium">{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The account's state, how it signs in and its activity, as support may see them (metadata only). */
export async function AccountFacts({ account, now }: { account: SupportAccountView; now: Date }) {
  const [t, format, locale, tIdentity, tMethods, tDocuments] = await Promise.all([
    getTranslations("support"),
    getFormatter(),
    getFormattingLocale(),
    getTranslations("identity.support"),
    getTranslations("identity.methods"),
    getTranslations("identity.documentTypes"),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  const dateTime = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const locked = account.lockedUntil !== null && account.lockedUntil > now;
  const factors = (Object.entries(account.factors) as [FactorKind, number][]).filter(([, count]) => count > 0);

  return (
    <div className="space-y-8">
      <Section id="state-heading" title={t("account.stateTitle")}>
        <Facts>
          <Fact term={t("account.email")}>{account.email}</Fact>
          <Fact term={t("account.birthDate")}>
            {account.birthDate ? format.dateTime(account.birthDate, { dateStyle: "long", timeZone: "UTC" }) : "—"}
          </Fact>
          <Fact term={t("account.status")} testId="account-status">
            {t(`status.${account.status}`)}
          </Fact>
          <Fact term={t("account.roles")}>{account.roles.map((role) => t(`roles.${role}`)).join(", ")}</Fact>
          <Fact term={t("account.created")}>{date(account.createdAt)}</Fact>
          <Fact term={t("account.emailVerified")}>
            {account.emailVerifiedAt ? dateTime(account.emailVerifiedAt) : t("account.notVerified")}
          </Fact>
        </Facts>
      </Section>

      <Section id="sign-in-heading" title={t("account.signInTitle")}>
        <Facts>
          <Fact term={t("account.locked")} testId="account-lock">
            {!locked
              ? t("account.notLocked")
              : account.lockedUntil!.getUTCFullYear() >= FAR_FUTURE_YEAR
                ? t("account.lockedForSupport")
                : t("account.lockedUntil", { until: dateTime(account.lockedUntil!) })}
          </Fact>
          <Fact term={t("account.failures")}>{account.consecutiveFailures}</Fact>
          <Fact term={t("account.factors")} testId="account-factors">
            {factors.length === 0
              ? t("account.noFactor")
              : factors.map(([kind, count]) => `${t(`factorKinds.${kind}`)} (${count})`).join(", ")}
          </Fact>
          <Fact term={t("account.recoveryCodes")}>{account.recoveryCodesLeft}</Fact>
          <Fact term={t("account.activeSessions")} testId="account-sessions">
            {account.activeSessions}
          </Fact>
          <Fact term={t("account.lastLogins")}>
            {account.lastLogins.length === 0 ? (
              t("account.noLogin")
            ) : (
              <ul>
                {account.lastLogins.map((login) => (
                  <li key={login.at.toISOString()}>
                    {t("account.loginAt", { when: dateTime(login.at), network: login.network ?? t("account.unknownNetwork") })}
                  </li>
                ))}
              </ul>
            )}
          </Fact>
        </Facts>
      </Section>

      <Section id="activity-heading" title={t("account.activityTitle")}>
        <Facts>
          <Fact term={t("account.storage")}>
            {t("account.storageValue", { documents: account.storage.documents, size: formatBytes(account.storage.bytes, locale) })}
          </Fact>
          <Fact term={t("account.openTickets")}>{account.openTickets}</Fact>
        </Facts>
      </Section>

      <Section id="identity-heading" title={tIdentity("accountTitle")}>
        <p data-testid="account-identity">
          {account.identity.qualification
            ? tIdentity("accountQualified", {
                date: format.dateTime(account.identity.qualification.qualifiedAt, { dateStyle: "long", timeZone: "Europe/Paris" }),
                method: tMethods(account.identity.qualification.method),
                document: account.identity.qualification.documentType
                  ? tDocuments(account.identity.qualification.documentType)
                  : tIdentity("noDocument"),
                by: account.identity.qualification.qualifiedBy,
              })
            : tIdentity("accountNotQualified")}
        </p>
        <p>{account.identity.nirDeclared ? tIdentity("accountNirDeclared") : tIdentity("accountNoNir")}</p>
      </Section>
    </div>
  );
}
