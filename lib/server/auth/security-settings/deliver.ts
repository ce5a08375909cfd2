import "server-only";

/**
 * How a service hands a committed outbox row to the relay (afterCommitDeliver in the app). Services
 * take it as an option so tests, which have no relay, can pass a no-op and read the outbox instead.
 */
export type Deliver = (messageId: string) => void;
