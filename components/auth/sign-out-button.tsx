"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Ends the session on the server (next-auth's signOut event deletes the row), then goes home. */
export function SignOutButton({ label, className }: { label?: string; className?: string }) {
  const t = useTranslations("auth");
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={className ?? "rounded px-3 py-1.5 text-brand underline hover:bg-brand-light"}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: "/" });
      }}
    >
      {pending ? t("signingOut") : (label ?? t("signOut"))}
    </button>
  );
}
