import type { Messages, MessageKeys, NestedKeyOf } from "next-intl";

/**
 * Any message of the catalogue by its full dotted key ("documents.report.reasons.WRONG"): for code
 * that takes a translator without a namespace, so that a key built from a typed value (a reason, a
 * template) is checked by tsc like a literal one.
 */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
