/**
 * Two descriptions of the same database shape, to compare in the drift test: one derived from
 * schema.prisma (through Prisma's schema WASM, no engine download), one read from PostgreSQL's
 * catalog after the migrations ran. Tables, columns (type, nullability), enums, primary keys,
 * indexes (with sort order) and foreign keys (with ON DELETE) are compared; column defaults are not.
 */
import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type pg from "pg";

export type Shape = {
  enums: Record<string, string[]>;
  tables: Record<string, { columns: Record<string, string>; indexes: string[]; foreignKeys: string[] }>;
};

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string; sortOrder?: string }[] };
type Dmmf = { datamodel: { enums: { name: string; values: { name: string }[] }[]; models: DmmfModel[]; indexes: DmmfIndex[] } };

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function nativeType([name, args]: [string, string[]]): string {
  const withArgs = (base: string) => (args.length ? `${base}(${args.join(",")})` : base);
  switch (name) {
    case "VarChar":
      return withArgs("character varying");
    case "Char":
      return withArgs("character");
    case "Uuid":
      return "uuid";
    case "Date":
      return "date";
    case "Text":
      return "text";
    case "Timestamptz":
      return `timestamp(${args[0] ?? 6}) with time zone`;
    case "Timestamp":
      return `timestamp(${args[0] ?? 6}) without time zone`;
    case "Integer":
      return "integer";
    case "SmallInt":
      return "smallint";
    case "JsonB":
      return "jsonb";
    default:
      throw new Error(`schema-shape: add the native type @db.${name}`);
  }
}

const ON_DELETE: Record<string, string> = {
  Cascade: "CASCADE",
  SetNull: "SET NULL",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

/**
 * The DMMF leaves out `Unsupported("…")` fields (the client cannot read them), so they are read from
 * the schema's text: model name → column → type.
 */
function unsupportedFields(source: string): Map<string, Map<string, string>> {
  const byModel = new Map<string, Map<string, string>>();
  for (const [, model, body] of source.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const [, field, type, optional] of body!.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/gm)) {
      if (!byModel.has(model!)) byModel.set(model!, new Map());
      byModel.get(model!)!.set(field!, `${type}${optional ? "" : " not null"}`);
    }
  }
  return byModel;
}

export function expectedShape(schemaPath: string): Shape {
  const source = readFileSync(schemaPath, "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", source]] }))) as Dmmf;
  const unsupported = unsupportedFields(source);
  const { enums, models, indexes } = dmmf.datamodel;
  const table = (model: string) => models.find((m) => m.name === model)!;
  const column = (model: DmmfModel, field: string) => {
    const f = model.fields.find((x) => x.name === field);
    // An Unsupported field is absent from the DMMF; its column has its name.
    return f ? (f.dbName ?? f.name) : field;
  };
  const shape: Shape = { enums: Object.fromEntries(enums.map((e) => [e.name, e.values.map((v) => v.name)])), tables: {} };
  for (const model of models) {
    const columns: Record<string, string> = {};
    const foreignKeys: string[] = [];
    for (const f of model.fields) {
      if (f.kind === "object") {
        if (f.relationFromFields?.length) {
          const target = table(f.type);
          // Prisma's defaults: Restrict for a required relation, SetNull for an optional one.
          const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
          foreignKeys.push(
            `(${f.relationFromFields.map((x) => column(model, x)).join(",")}) -> ${target.dbName ?? target.name}(${f.relationToFields!.map((x) => column(target, x)).join(",")}) ON DELETE ${ON_DELETE[onDelete]}`,
          );
        }
        continue;
      }
      const base = f.kind === "enum" ? `"${f.type}"` : f.nativeType ? nativeType(f.nativeType) : SCALAR_TYPES[f.type];
      // Prisma creates scalar lists without NOT NULL.
      columns[f.dbName ?? f.name] = `${base}${f.isList ? "[]" : ""}${f.isRequired && !f.isList ? " not null" : ""}`;
    }
    for (const [name, type] of unsupported.get(model.name) ?? []) columns[name] = type;
    const own = indexes.filter((i) => i.model === model.name);
    shape.tables[model.dbName ?? model.name] = {
      columns,
      indexes: own
        .map(
          (i) =>
            `${i.type === "id" ? "primary" : i.type === "unique" ? "unique" : "index"} (${i.fields.map((x) => column(model, x.name) + (x.sortOrder === "desc" ? " desc" : "")).join(",")})`,
        )
        .sort(),
      foreignKeys: foreignKeys.sort(),
    };
  }
  return shape;
}

export async function actualShape(client: pg.Client): Promise<Shape> {
  const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
  const enumRows = await q<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
  const columnRows = await q<{ tbl: string; col: string; type: string; notnull: boolean }>(`
    SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
  const indexRows = await q<{ tbl: string; kind: string; cols: string }>(`
    SELECT t.relname AS tbl,
           CASE WHEN ix.indisprimary THEN 'primary' WHEN ix.indisunique THEN 'unique' ELSE 'index' END AS kind,
           (SELECT string_agg(pg_get_indexdef(ix.indexrelid, k, true)
                              || CASE WHEN pg_index_column_has_property(ix.indexrelid, k, 'desc') THEN ' desc' ELSE '' END, ',' ORDER BY k)
              FROM generate_series(1, ix.indnkeyatts) AS k) AS cols
    FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
  const fkRows = await q<{ tbl: string; cols: string; target: string; target_cols: string; del: string }>(`
    SELECT c.relname AS tbl, f.relname AS target,
           (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS cols,
           (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) AS target_cols,
           con.confdeltype AS del
    FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class f ON f.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE con.contype = 'f' AND n.nspname = 'public'`);

  const del: Record<string, string> = { c: "CASCADE", n: "SET NULL", r: "RESTRICT", a: "NO ACTION", d: "SET DEFAULT" };
  const shape: Shape = { enums: {}, tables: {} };
  for (const { name, value } of enumRows) (shape.enums[name] ??= []).push(value);
  const tableOf = (name: string) => (shape.tables[name] ??= { columns: {}, indexes: [], foreignKeys: [] });
  for (const r of columnRows) tableOf(r.tbl).columns[r.col] = `${r.type}${r.notnull ? " not null" : ""}`;
  // The catalog quotes mixed-case identifiers in index definitions; the DMMF names them bare.
  for (const r of indexRows) tableOf(r.tbl).indexes.push(`${r.kind} (${r.cols.replaceAll('"', "")})`);
  for (const r of fkRows) tableOf(r.tbl).foreignKeys.push(`(${r.cols}) -> ${r.target}(${r.target_cols}) ON DELETE ${del[r.del]}`);
  for (const t of Object.values(shape.tables)) {
    t.indexes.sort();
    t.foreignKeys.sort();
  }
  return shape;
}
