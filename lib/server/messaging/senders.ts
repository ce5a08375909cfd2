import "server-only";
import { getConfig, type AppConfig } from "@/lib/server/config";
import { logger } from "@/lib/server/logger";
import type { Senders } from "./deliver-messages";
import { createMailTransport } from "./mail-transport";
import { developmentSmsSender } from "./sms-provider";

let cached: Senders | undefined;

/**
 * The process's senders, to pass to deliverMessage and deliverPendingMessages. Built once: the
 * configuration does not change while the process runs.
 */
export function getSenders(): Senders {
  cached ??= buildSenders(getConfig());
  return cached;
}

/**
 * E-mail through SMTP_URL when it is set, encrypted in production (mail-transport.ts); without it,
 * e-mails stay in the outbox for the development page. SMS through the development sender, which keeps
 * them in the outbox, until a provider is plugged in (sms-provider.ts).
 */
export function buildSenders(config: Pick<AppConfig, "smtpUrl" | "mailFrom" | "isProduction">): Senders {
  const mail = config.smtpUrl ? createMailTransport(config.smtpUrl, { requireEncryption: config.isProduction }) : undefined;
  if (config.isProduction) {
    // Nothing reaches a phone yet: say so at start, rather than let SMS pile up unnoticed.
    logger.warn({ event: "outbox.no_sms_provider" }, "no SMS provider configured: SMS stay in the outbox");
  }
  return { mail, sms: developmentSmsSender, from: config.mailFrom };
}
