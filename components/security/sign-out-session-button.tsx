"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signOutSessionAction } from "@/app/(space)/securite/actions";
import { Button } from "@/components/ui/button";
import { ActionAlert } from "@/components/ui/action-alert";

export function SignOutSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const t = useTranslations("security.sessions");
  const [state, action, pending] = useActionState(signOutSessionAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("signOutOne")}
        <span className="sr-only"> ({device})</span>
      </Button>
      <ActionAlert state={state} returnTo="/securite" />
    </form>
  );
}
