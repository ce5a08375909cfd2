import "server-only";
import { getConfig } from "@/lib/server/config";
import { getSenders } from "@/lib/server/messaging/senders";

/**
 * Whether an SMS would reach a phone. In development and test it "arrives" on the outbox page; in
 * production it needs a provider, and until one is plugged in (sms-provider.ts) SMS factors are not
 * offered, rather than leave people waiting for a code that never comes.
 */
export function smsDeliveryAvailable(): boolean {
  if (!getConfig().isProduction) return true;
  const sms = getSenders().sms;
  return sms !== undefined && !sms.keepsInOutbox;
}
