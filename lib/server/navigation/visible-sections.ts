import "server-only";
import { SECTIONS, type NavSection, type SectionRequirement } from "@/lib/navigation/sections";
import { can, type Actor } from "@/lib/server/policy/policy";

function opens(actor: Actor, requires: SectionRequirement): boolean {
  if ("role" in requires) return actor.stage === "FULL" && actor.roles.includes(requires.role);
  // Health sections are the person's own record: asked as the owner, like the pages ask.
  return can(actor, requires.permission, { ownerId: actor.userId });
}

/** The sections this person may open, in the list's order; none for a visitor or a half session. */
export function visibleSections(actor: Actor | null, sections: readonly NavSection[] = SECTIONS): NavSection[] {
  if (!actor) return [];
  return sections.filter((section) => opens(actor, section.requires));
}
