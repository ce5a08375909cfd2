import "server-only";

/**
 * The authorization matrix of a patient's health data (issue 5, "Enforcement"): who gets what of ONE
 * patient's space, by role × resource × action, as a plain table. The integration test
 * (access-matrix.test.ts) drives the pure decision and the services from it; the end-to-end spec
 * (e2e/access-matrix.spec.ts) drives the routes, pages and server actions from it. Changing a cell
 * here is changing who may see health data: it needs a reason in the commit.
 *
 * Outcomes: "ok" (allowed), or the refusal as its HTTP status: 401 without a full session, 404 for a
 * single document or its file (someone else's id must look like one that does not exist), 403 for
 * anything else. The owner reads and manages everything of their own; nobody else manages anything;
 * a hidden document is the owner's alone, whatever the grant, emergency included.
 */

export type Outcome = "ok" | 401 | 403 | 404;

/** The patient whose space is at stake is "owner"; everyone else is somebody else. */
export const ROLES = {
  owner: "the patient, signed in with both factors",
  otherPatient: "another patient",
  proGranted: "a professional with a consent in force: category LAB_RESULTS, read and add",
  proExpired: "a professional whose consent (all visible, read and add) ended yesterday",
  proRevoked: "a professional whose consent (all visible, read and add) was revoked",
  proBlocked: "a professional the patient blocked, who also holds a consent (all visible, read and add)",
  proWithout: "a professional with no consent",
  emergency: "emergency staff, after breaking the glass for this patient",
  support: "a support agent",
  curator: "a catalogue curator",
  admin: "an admin",
  anonymous: "no session",
  halfOwner: "the patient, past the password step only",
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_KEYS = Object.keys(ROLES) as Role[];

export const RESOURCES = {
  documentList: "the list of the patient's documents",
  document: "a visible document in the granted category (LAB_RESULTS)",
  hiddenDocument: "a LAB_RESULTS document the patient hid from professionals",
  download: "the file of the visible LAB_RESULTS document, as a download",
  /**
   * The patient's identity and health profile. Today that is what the professional patient view
   * (GET /api/pro/patients/:id) answers, and the patient's own /espace (greeting, recent documents).
   */
  profile: "the patient's identity and health profile",
  recordEntries: 'the entries of the patient\'s "Profil médical" (conditions, allergies, treatments, vaccinations, volontés)',
  recordEntry: "one profile entry the patient wrote, visible to professionals",
  hiddenRecordEntry: "one profile entry the patient wrote and hid from professionals",
  history: "the patient's access history",
  consent: "the patient's consent settings: grants, blocks, médecin traitant, emergency access",
} as const;
export type Resource = keyof typeof RESOURCES;
export const RESOURCE_KEYS = Object.keys(RESOURCES) as Resource[];

export const ACTIONS = {
  read: "read",
  /** Add to it, or write to it: a new document in the list, an edit or report of a document, a new grant. */
  add: "add / write",
  /** Bin, restore, erase, pin, hide; the bin itself; change or revoke a grant, block. */
  manage: "manage",
} as const;
export type Action = keyof typeof ACTIONS;
export const ACTION_KEYS = Object.keys(ACTIONS) as Action[];

type Row = Record<Role, Outcome>;

/** One row of the grid, in the column order of ROLES. */
function row(
  ...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]
): Row {
  return Object.fromEntries(ROLE_KEYS.map((role, index) => [role, outcomes[index]])) as Row;
}

/** Only the owner; everyone else refused with `refusal`. */
const ownerOnly = (refusal: 403 | 404) =>
  row("ok", refusal, refusal, refusal, refusal, refusal, refusal, refusal, refusal, refusal, refusal, 401, 401);

export const ACCESS_MATRIX: Record<Resource, Record<Action, Row>> = {
  //                    owner  other  granted expired revoked blocked without emergency support curator admin anonymous half
  documentList: {
    read: row("ok", 403, "ok", 403, 403, 403, 403, "ok", 403, 403, 403, 401, 401),
    add: row("ok", 403, "ok", 403, 403, 403, 403, 403, 403, 403, 403, 401, 401),
    manage: ownerOnly(403),
  },
  document: {
    read: row("ok", 404, "ok", 404, 404, 404, 404, "ok", 404, 404, 404, 401, 401),
    add: ownerOnly(404),
    manage: ownerOnly(404),
  },
  hiddenDocument: {
    read: ownerOnly(404),
    add: ownerOnly(404),
    manage: ownerOnly(404),
  },
  download: {
    read: row("ok", 404, "ok", 404, 404, 404, 404, "ok", 404, 404, 404, 401, 401),
    add: ownerOnly(404),
    manage: ownerOnly(404),
  },
  profile: {
    // A consent to chosen categories does not open the profile; one to all visible documents would.
    read: row("ok", 403, 403, 403, 403, 403, 403, "ok", 403, 403, 403, 401, 401),
    add: ownerOnly(403),
    manage: ownerOnly(403),
  },
  recordEntries: {
    // As the profile: a consent to chosen categories does not open it. Adding needs reading it and adding
    // documents together (médecin traitant, or a consent to all visible documents with adding): none of
    // these roles has both, so only the owner adds here; the record services' tests cover that pair.
    read: row("ok", 403, 403, 403, 403, 403, 403, "ok", 403, 403, 403, 401, 401),
    add: ownerOnly(403),
    manage: ownerOnly(403),
  },
  // "add" on an entry is writing it (edit, delete): its author only, here the patient.
  recordEntry: {
    read: row("ok", 404, 404, 404, 404, 404, 404, "ok", 404, 404, 404, 401, 401),
    add: ownerOnly(404),
    manage: ownerOnly(404),
  },
  hiddenRecordEntry: { read: ownerOnly(404), add: ownerOnly(404), manage: ownerOnly(404) },
  // The history is append-only for everyone (the database refuses UPDATE and DELETE); "ok" for the
  // owner's add and manage is the decision's answer, no entry point writes to it directly.
  history: { read: ownerOnly(403), add: ownerOnly(403), manage: ownerOnly(403) },
  consent: { read: ownerOnly(403), add: ownerOnly(403), manage: ownerOnly(403) },
};

export type Cell = { role: Role; resource: Resource; action: Action; expected: Outcome };

/** Every cell of the matrix, in a stable order, for `it.each`. */
export function matrixCells(): Cell[] {
  return RESOURCE_KEYS.flatMap((resource) =>
    ACTION_KEYS.flatMap((action) => ROLE_KEYS.map((role) => ({ role, resource, action, expected: ACCESS_MATRIX[resource][action][role] }))),
  );
}

/**
 * What each role meets on an entry point that serves the signed-in person's OWN space and names no
 * patient (GET /api/documents, /api/history, /espace…): another patient gets their own space, never
 * the owner's; an account that is no patient has no space of health data.
 */
export const OWN_SPACE: Row = row("ok", "ok", 403, 403, 403, 403, 403, 403, 403, 403, 403, 401, 401);

/**
 * The staff pages and routes (issue 7: /admin/…, /api/admin/…): each opens to its staff role(s) and
 * to nobody else, whatever else the account holds. None of them serves health data. A refusal with a
 * full session looks like an unknown page (404) or, for a route, is a 403; without one, 401 (a page
 * sends to the sign-in step that is missing).
 */
export function staffOnly(openers: readonly Role[], refusal: 403 | 404): Row {
  return Object.fromEntries(
    ROLE_KEYS.map((role) => [role, openers.includes(role) ? "ok" : role === "anonymous" || role === "halfOwner" ? 401 : refusal]),
  ) as Row;
}
