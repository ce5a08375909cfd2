import { expect } from "@playwright/test";
import { SMTP_CAPTURE_HTTP_PORT } from "./environment";

export const MAILBOX_URL = `http://127.0.0.1:${SMTP_CAPTURE_HTTP_PORT}`;

export type CapturedMail = { to: string[]; subject: string; text: string };

export async function mailsTo(address: string): Promise<CapturedMail[]> {
  const response = await fetch(`${MAILBOX_URL}/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as CapturedMail[];
}

/**
 * Waits for the n-th mail to an address (delivery happens right after the request commits, but
 * asynchronously) and returns it.
 */
export async function waitForMail(
  address: string,
  { count = 1, subject }: { count?: number; subject?: RegExp } = {},
): Promise<CapturedMail> {
  let found: CapturedMail[] = [];
  await expect
    .poll(
      async () => {
        found = (await mailsTo(address)).filter((mail) => !subject || subject.test(mail.subject));
        return found.length;
      },
      { timeout: 15_000, message: `mail #${count} to ${address}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found[count - 1];
}

/** The first run of 6 digits in a mail: the one-time codes the app sends. */
export function codeIn(mail: CapturedMail): string {
  const match = mail.text.match(/\b(\d{6})\b/);
  if (!match) throw new Error(`no code in mail "${mail.subject}"`);
  return match[1];
}
