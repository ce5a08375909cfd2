import "server-only";
import { CATALOGUE_SYSTEM_TEXTS } from "@/lib/catalogue/system-texts";

/**
 * How curators are named where the public or a patient reads (referencing file, access history):
 * the team, not a person. Who exactly acted is in the staff audit log. Stored text, like every label
 * the history copies, so it is in French; pages show it in the reader's language (system-texts.ts).
 */
export const CURATION_TEAM_LABEL = CATALOGUE_SYSTEM_TEXTS.curationTeam;
