type Tree = { [key: string]: unknown };

/**
 * The part of a catalogue under each dotted path ("documents.upload"), in the catalogue's own nesting,
 * so that useTranslations("documents.upload") finds its messages where it would in the whole catalogue.
 * A path the catalogue lacks is left out, for next-intl to report when a component asks for it.
 */
export function pickMessages(messages: object, paths: readonly string[]): Tree {
  const picked: Tree = {};
  const whole = new Set<string>();
  // Shorter paths first: a namespace taken whole already holds the longer paths under it.
  const byDepth = [...new Set(paths)].map((path) => path.split(".")).sort((a, b) => a.length - b.length);
  for (const keys of byDepth) {
    if (keys.some((_, i) => i > 0 && whole.has(keys.slice(0, i).join(".")))) continue;
    const value = keys.reduce<unknown>(
      (node, key) => (typeof node === "object" && node !== null ? (node as Tree)[key] : undefined),
      messages,
    );
    if (value === undefined) continue;
    let target = picked;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Tree;
    target[keys[keys.length - 1]] = value;
    whole.add(keys.join("."));
  }
  return picked;
}
