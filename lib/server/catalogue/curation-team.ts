import "server-only";

/**
 * How curators are named where the public or a patient reads (referencing file, access history):
 * the team, not a person. Who exactly acted is in the staff audit log. Stored text, like every label
 * the history copies, so it is in French.
 */
export const CURATION_TEAM_LABEL = "Équipe de référencement";
