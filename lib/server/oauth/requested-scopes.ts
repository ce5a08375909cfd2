import "server-only";
import { isSmartScope, type SmartScope } from "@/lib/oauth/smart-scopes";

/** A SMART v2 patient data scope: a resource type (or `*`) and permissions in c, r, u, d, s order. */
const V2_PATIENT_SCOPE = /^patient\/([A-Z][A-Za-z]+|\*)\.(c?r?u?d?s?)$/;

/**
 * What an authorization request's `scope` asks of the scopes this app may have. Besides the exact
 * ones, a v2 data scope this server does not offer as written is read as the offered scopes it covers:
 * `patient/Patient.rs` as `patient/Patient.r`, `patient/*.rs` as every data scope of the app that
 * reads or searches. SMART App Launch 2.0 lets a server grant fewer permissions than asked;
 * dropping the whole scope instead left an app that asks the usual `.rs` with nothing to read.
 * Nothing outside `allowed` is ever returned, and the patient still consents to each scope.
 */
export function requestedScopes(raw: string | null, allowed: readonly SmartScope[]): SmartScope[] {
  const wanted: SmartScope[] = [];
  const add = (scope: SmartScope) => {
    if (!wanted.includes(scope)) wanted.push(scope);
  };
  // In the order asked, as the consent screen and the token's `scope` have always shown them.
  for (const scope of (raw ?? "").split(/\s+/).filter(Boolean)) {
    if (isSmartScope(scope)) {
      if (allowed.includes(scope)) add(scope);
      continue;
    }
    const match = V2_PATIENT_SCOPE.exec(scope);
    if (!match || match[2] === "") continue;
    const [, type, permissions] = match;
    for (const candidate of allowed) {
      const offered = V2_PATIENT_SCOPE.exec(candidate);
      if (!offered || (type !== "*" && offered[1] !== type)) continue;
      if ([...offered[2]].every((permission) => permissions.includes(permission))) add(candidate);
    }
  }
  return wanted;
}
