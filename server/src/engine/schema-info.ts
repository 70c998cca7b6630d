import caseSchema from '../../../schemas/scr-case.schema.json';
import type { Path } from './document';
import type { AjvError } from './generated/validators';

/** The parts of a JSON Schema node the engine reads. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  markdownEnumDescriptions?: string[];
  'x-qm2'?: number[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  pattern?: string;
  additionalProperties?: boolean | SchemaNode;
  definitions?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
  default?: unknown;
}

const ROOT = caseSchema as unknown as SchemaNode;

function deref(node: SchemaNode | undefined, root: SchemaNode): SchemaNode | undefined {
  let n = node;
  for (let guard = 0; n?.$ref && guard < 20; guard++) {
    const m = /^#\/(definitions|\$defs)\/(.+)$/.exec(n.$ref);
    const target: SchemaNode | undefined = m ? (root[m[1] as 'definitions'] ?? {})[m[2]] : undefined;
    if (!target) return undefined;
    // Keep what the referring node says about itself (its own title wins).
    const { $ref: _drop, ...own } = n;
    void _drop;
    n = { ...target, ...own, $ref: target.$ref };
    if (!target.$ref) delete n.$ref;
  }
  return n;
}

/** Every branch a node's keywords may apply through: itself, allOf, if/then/else, anyOf, oneOf. */
function branches(node: SchemaNode, root: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [node];
  for (const sub of [...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? []), node.then, node.else]) {
    if (!sub || typeof sub !== 'object') continue; // `true` subschemas say nothing about shape
    const d = deref(sub, root);
    if (d) out.push(...branches(d, root));
  }
  return out;
}

/**
 * What schemaAt and isDatePath found for the case-file schema, by the shape of the path: list
 * indexes do not change the answer, and without this every scalar of a long file walked the
 * schema again, with an object spread at each `$ref` (the largest part of a check of a long
 * file after parsing it). Bounded, because unknown keys in a file make new shapes.
 */
const SHAPE_CACHE_LIMIT = 10_000;
const schemaByShape = new Map<string, SchemaNode | undefined>();
const dateByShape = new Map<string, boolean>();

/** A key for the path's shape: any list index is the same; keys are length-prefixed, so no two shapes share a key. */
function shapeKey(path: Path): string {
  let key = '';
  for (const seg of path) key += typeof seg === 'number' ? '#' : `.${seg.length}:${seg}`;
  return key;
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= SHAPE_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The schema that describes the value at `path`, or undefined where the format has no such place. */
export function schemaAt(path: Path, root: SchemaNode = ROOT): SchemaNode | undefined {
  if (root !== ROOT) return walkSchema(path, root);
  const key = shapeKey(path);
  return schemaByShape.has(key) ? schemaByShape.get(key) : remember(schemaByShape, key, walkSchema(path, root));
}

function walkSchema(path: Path, root: SchemaNode): SchemaNode | undefined {
  let node = deref(root, root);
  for (const seg of path) {
    if (!node) return undefined;
    let next: SchemaNode | undefined;
    for (const b of branches(node, root)) {
      const sub = typeof seg === 'number' ? b.items : b.properties?.[seg];
      if (sub && typeof sub === 'object') next ??= deref(sub, root);
    }
    node = next;
  }
  return node;
}

/** The keys a mapping at `path` may hold, in the order the format lists them. */
export function propertyOrder(path: Path, root: SchemaNode = ROOT): string[] {
  const node = schemaAt(path, root);
  if (!node) return [];
  const keys: string[] = [];
  for (const b of branches(node, root)) for (const k of Object.keys(b.properties ?? {})) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** The keys the format requires at `path` whatever the other values. */
export function requiredKeys(path: Path, root: SchemaNode = ROOT): string[] {
  return schemaAt(path, root)?.required ?? [];
}

/** The schema path with list indexes replaced by `[]`, for messages and look-ups by shape. */
export function shapeOf(path: Path): string {
  return path.map((s) => (typeof s === 'number' ? '[]' : s)).join('.');
}


const DATE_PATTERN = /\\d\{4\}/;

/** Whether the format wants a calendar date at `path`. */
export function isDatePath(path: Path, root: SchemaNode = ROOT): boolean {
  if (root !== ROOT) return wantsDate(path, root);
  const key = shapeKey(path);
  const known = dateByShape.get(key);
  return known ?? remember(dateByShape, key, wantsDate(path, root));
}

function wantsDate(path: Path, root: SchemaNode): boolean {
  const node = schemaAt(path, root);
  if (!node) return false;
  return branches(node, root).some((b) => typeof b.pattern === 'string' && DATE_PATTERN.test(b.pattern)) ||
    (node.anyOf ?? node.oneOf ?? []).some((s) => DATE_PATTERN.test(deref(s, root)?.pattern ?? ''));
}

let datePathsOfRoot: readonly Path[] | undefined;

/**
 * Every place the format wants a calendar date, as paths in which `0` stands for any item of a
 * list: a rule that checks dates visits these and nothing else of a long file.
 */
export function datePaths(root: SchemaNode = ROOT): readonly Path[] {
  if (root === ROOT && datePathsOfRoot) return datePathsOfRoot;
  const out: Path[] = [];
  const visit = (path: (string | number)[]): void => {
    if (path.length > 12) return; // a schema that refers to itself would go on for ever
    if (wantsDate(path, root)) {
      out.push([...path]);
      return;
    }
    const node = schemaAt(path, root);
    if (!node) return;
    const keys = new Set<string>();
    let items = false;
    for (const b of branches(node, root)) {
      for (const k of Object.keys(b.properties ?? {})) keys.add(k);
      if (b.items && typeof b.items === 'object') items = true;
    }
    for (const k of keys) visit([...path, k]);
    if (items) visit([...path, 0]);
  };
  visit([]);
  if (root === ROOT) datePathsOfRoot = out;
  return out;
}

/** A human label for the place at `path`: the schema's title, or the key itself. */
export function titleAt(path: Path, root: SchemaNode = ROOT): string {
  const last = path[path.length - 1];
  return schemaAt(path, root)?.title ?? (last === undefined ? 'case file' : String(last));
}

/**
 * What kind of value the format wants at `path`: `text` (plain words, which may run over several
 * lines), `date`, `choice` (one of a list), `other` (a number, yes or no, an id, a section or a
 * list), or undefined where the format has no such place.
 */
export function valueKind(path: Path, root: SchemaNode = ROOT): 'text' | 'date' | 'choice' | 'other' | undefined {
  const node = schemaAt(path, root);
  if (!node) return undefined;
  if (isDatePath(path, root)) return 'date';
  const kind = (n: SchemaNode): 'text' | 'choice' | 'other' => {
    const all = branches(n, root);
    if (all.some((b) => b.enum || b.const !== undefined)) return 'choice';
    if (all.some((b) => b.pattern)) return 'other';
    const types = all.flatMap((b) => (Array.isArray(b.type) ? b.type : b.type ? [b.type] : []));
    if (types.includes('string')) return 'text';
    // Notes: text, or a list of texts.
    const alternatives = [...(n.anyOf ?? []), ...(n.oneOf ?? [])].map((s) => deref(s, root)).filter((s): s is SchemaNode => !!s);
    return alternatives.some((s) => kind(s) === 'text') ? 'text' : 'other';
  };
  return kind(node);
}

let everyKey: ReadonlySet<string> | undefined;

/** Every key the format knows, anywhere in a case file. */
export function knownKeys(root: SchemaNode = ROOT): ReadonlySet<string> {
  if (root === ROOT && everyKey) return everyKey;
  const keys = new Set<string>();
  const seen = new Set<SchemaNode>();
  const visit = (n: SchemaNode | undefined): void => {
    const node = deref(n, root);
    if (!node || seen.has(node) || seen.size > 2000) return;
    seen.add(node);
    for (const b of branches(node, root)) {
      for (const [k, sub] of Object.entries(b.properties ?? {})) {
        keys.add(k);
        visit(sub);
      }
      if (b.items && typeof b.items === 'object') visit(b.items);
    }
  };
  visit(root);
  for (const d of Object.values(root.definitions ?? {})) visit(d);
  if (root === ROOT) everyKey = keys;
  return keys;
}

/** The agency types the format knows (`social-care`, `police` …). */
export const AGENCY_TYPES: readonly string[] = (schemaAt(['agencies', 0, 'type'])?.enum ?? []).filter((t): t is string => typeof t === 'string');

/** How the format writes an agency id (`health-visiting`), from the schema. */
export const AGENCY_ID = new RegExp(schemaAt(['agencies', 0, 'id'])?.pattern ?? '^[a-z0-9]+(-[a-z0-9]+)*$');

/**
 * The validator's errors less those of the branches of an `anyOf` that failed (notes: text, or a
 * list of texts): the anyOf's own error says the value fits none, once.
 */
export function withoutBranchErrors(errors: readonly AjvError[]): AjvError[] {
  const anyOf = errors.filter((e) => e.keyword === 'anyOf');
  const inBranch = (e: AjvError) => anyOf.some((a) => e !== a && e.schemaPath.startsWith(`${a.schemaPath}/`) && (e.instancePath === a.instancePath || e.instancePath.startsWith(`${a.instancePath}/`)));
  return errors.filter((e) => !inBranch(e));
}
