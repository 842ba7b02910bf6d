// A validator for the part of JSON Schema (draft 2020-12) that
// schema/front-matter.schema.json uses: type, enum, oneOf, properties,
// additionalProperties, items, minItems, minLength, pattern, minimum, maximum.
// Any other keyword in the schema makes it throw, so the schema cannot quietly
// outgrow what the tests check. (Annotations: description, default, format,
// title, $schema, $id, x-default are accepted and ignored.)

export type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['description', 'default', 'format', 'title', '$schema', '$id', 'x-default']);
const CHECKED = new Set(['type', 'enum', 'oneOf', 'properties', 'additionalProperties', 'items', 'minItems', 'minLength', 'pattern', 'minimum', 'maximum']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(v: unknown, type: string): boolean {
  const t = typeOf(v);
  return t === type || (type === 'number' && t === 'integer');
}

/** Problems with `value` against `schema`, as `path: message`; empty when valid. */
export function validate(schema: Schema, value: unknown, at = '$'): string[] {
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !CHECKED.has(key)) throw new Error(`${at}: the test validator does not know the keyword "${key}"`);
  }
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => matchesType(value, t))) return [`${at}: expected ${types.join(' or ')}, got ${typeOf(value)}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).some((e) => e === value)) problems.push(`${at}: not one of ${JSON.stringify(schema.enum)}`);
  if (schema.oneOf) {
    const passing = (schema.oneOf as Schema[]).filter((s) => validate(s, value, at).length === 0).length;
    if (passing !== 1) problems.push(`${at}: matches ${passing} of the oneOf alternatives, not exactly one`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${at}: "${value}" does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) problems.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((v, i) => problems.push(...validate(schema.items as Schema, v, `${at}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (props[k]) problems.push(...validate(props[k], v, `${at}.${k}`));
      else if (schema.additionalProperties === false) problems.push(`${at}: unknown key "${k}"`);
      else if (typeof schema.additionalProperties === 'object') problems.push(...validate(schema.additionalProperties as Schema, v, `${at}.${k}`));
    }
  }
  return problems;
}
