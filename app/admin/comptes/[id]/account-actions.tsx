import { getTranslations } from "next-intl/server";
import { ReauthNotice } from "@/components/security/reauth-notice";
import { AccountActionForm } from "@/components/support/account-action-form";
import type { SupportAccountView } from "@/lib/server/support/get-support-account";
import {
  closeAccountAction,
  disableAccountAction,
  enableAccountAction,
  resendEmailConfirmationAction,
  resetSecondFactorAction,
  unlockAccountAction,
} from "./actions";

const STAFF_ROLES = ["SUPPORT", "CURATOR", "ADMIN"];

function ActionSection({ id, title, intro, children }: { id: string; title: string; intro: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded border border-slate-200 p-4">
      <h3 id={id} className="text-lg font-semibold">
        {title}
      </h3>
      <p className="text-sm text-muted">{intro}</p>
      {children}
    </section>
  );
}

/**
 * The actions the account's state allows: unlock while locked or failing, resend while the address
 * waits for confirmation, reset / disable / close unless closed or a staff account (an admin's
 * business), enable while disabled; the reset only on a sign-in proved in the last minutes. The
 * services and actions check the same again.
 */
export async function AccountActions({
  account,
  isSelf,
  now,
  recentlyAuthenticated,
}: {
  account: SupportAccountView;
  isSelf: boolean;
  now: Date;
  recentlyAuthenticated: boolean;
}) {
  const t = await getTranslations("support");
  const userId = account.id;
  const isStaff = account.roles.some((role) => STAFF_ROLES.includes(role));
  const closed = account.status === "CLOSED";
  const locked = (account.lockedUntil !== null && account.lockedUntil > now) || account.consecutiveFailures > 0;

  let body: React.ReactNode;
  if (isSelf) body = <p className="font-medium">{t("actions.ownAccountNotice")}</p>;
  else if (closed) body = <p className="font-medium">{t("actions.closed")}</p>;
  else {
    body = (
      <div className="space-y-4">
        <p className="text-sm text-muted">{t("actions.intro")}</p>
        {locked && (
          <ActionSection id="unlock-heading" title={t("unlock.title")} intro={t("unlock.intro")}>
            <AccountActionForm action={unlockAccountAction} userId={userId} submitLabel={t("unlock.submit")} success={t("unlock.done")} />
          </ActionSection>
        )}
        {account.status === "PENDING_VERIFICATION" && (
          <ActionSection id="resend-heading" title={t("resend.title")} intro={t("resend.intro")}>
            <AccountActionForm
              action={resendEmailConfirmationAction}
              userId={userId}
              submitLabel={t("resend.submit")}
              success={t("resend.done")}
            />
          </ActionSection>
        )}
        {account.status === "DISABLED" && (
          <ActionSection id="enable-heading" title={t("enable.title")} intro={t("enable.intro")}>
            <AccountActionForm action={enableAccountAction} userId={userId} submitLabel={t("enable.submit")} success={t("enable.done")} />
          </ActionSection>
        )}
        {isStaff ? (
          <p className="font-medium">{t("actions.staffAccount")}</p>
        ) : (
          <>
            <ActionSection id="reset-heading" title={t("reset.title")} intro={t("reset.intro")}>
              {/* Said up front: the reset needs the agent's own recent proof of identity. */}
              {!recentlyAuthenticated ? (
                <ReauthNotice returnTo={`/admin/comptes/${userId}`} />
              ) : (
                <AccountActionForm
                  action={resetSecondFactorAction}
                  userId={userId}
                  submitLabel={t("reset.confirm")}
                  success={t("reset.done")}
                  confirm={{ open: t("reset.open"), warning: t("reset.warning") }}
                  checklist={{
                    legend: t("reset.checklist"),
                    items: (["identityVerified", "birthDateConfirmed", "requestedByPerson"] as const).map((name) => ({
                      name,
                      label: t(`reset.${name}`),
                    })),
                  }}
                />
              )}
            </ActionSection>
            {account.status !== "DISABLED" && (
              <ActionSection id="disable-heading" title={t("disable.title")} intro={t("disable.intro")}>
                <AccountActionForm
                  action={disableAccountAction}
                  userId={userId}
                  submitLabel={t("disable.confirm")}
                  success={t("disable.done")}
                  confirm={{ open: t("disable.open"), warning: t("disable.warning") }}
                />
              </ActionSection>
            )}
            <ActionSection id="close-heading" title={t("close.title")} intro={t("close.intro")}>
              <p className="text-sm">{t("close.retention")}</p>
              <AccountActionForm
                action={closeAccountAction}
                userId={userId}
                submitLabel={t("close.confirm")}
                success={t("close.done")}
                confirm={{ open: t("close.open"), warning: `${t("close.warning")} ${t("close.retention")}` }}
              />
            </ActionSection>
          </>
        )}
      </div>
    );
  }

  return (
    <section aria-labelledby="actions-heading" className="space-y-4">
      <h2 id="actions-heading" className="text-xl font-semibold">
        {t("account.actionsTitle")}
      </h2>
      {body}
    </section>
  );
}
