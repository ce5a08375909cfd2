import "server-only";

/**
 * Where SMS leave the outbox. A real provider (an SMS gateway's HTTP API) implements `send`, resolving
 * only once the provider has accepted the message and rejecting otherwise, and is returned by
 * getSenders() (senders.ts) in place of the development sender.
 */
export interface SmsSender {
  /**
   * True for a sender that delivers nothing: delivery then never claims SMS rows, so they stay unsent,
   * without counting attempts, for the development outbox page to show.
   */
  readonly keepsInOutbox?: boolean;
  send(message: { to: string; text: string }): Promise<void>;
}

/**
 * The sender used until an SMS provider is chosen: messages stay in the outbox, where a developer reads
 * their codes on the development outbox page. `send` sends nothing; delivery does not even call it
 * because `keepsInOutbox` is set (otherwise the message would be marked as sent).
 */
export const developmentSmsSender: SmsSender = {
  keepsInOutbox: true,
  async send() {},
};
