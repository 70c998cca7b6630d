import type { CaseDoc, Path } from './document';
import { AGENCY_ID_PLACES } from './hover';
import { nodeAt, valueSpan } from './locate';
import { entries } from './entries';
import { asArray, asString } from './values';
import type { DossierCase } from './rule';
import { AGENCY_ID, shapeOf } from './schema-info';
import type { Span, TextEdit } from './types';

/** An agency id as written somewhere in the file. */
export interface Occurrence {
  span: Span;
  /** Written as the `id` of an entry under `agencies`. */
  declaration: boolean;
}


/** The agency id at `offset`: its declaration or a use in a meeting or in agency input. */
export function agencyAt(doc: CaseDoc, offset: number): { id: string; span: Span } | undefined {
  const hit = nodeAt(doc, offset);
  if (!hit || hit.part !== 'value' || !AGENCY_ID_PLACES.has(shapeOf(hit.path))) return undefined;
  const id = asString(hit.value);
  return id ? { id, span: hit.span } : undefined;
}

/** Every place the id is written, declarations first. */
export function agencyOccurrences(doc: CaseDoc, id: string): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (path: Path, declaration: boolean) => {
    if (asString(doc.get(path)) !== id) return;
    const span = valueSpan(doc, path);
    if (span) out.push({ span, declaration });
  };
  for (const a of entries(doc, ['agencies'])) add([...a.path, 'id'], true);
  for (const m of entries(doc, ['meetings'])) asArray(m.data.agencies).forEach((_, i) => add([...m.path, 'agencies', i], false));
  for (const inp of entries(doc, ['agencyInput'])) add([...inp.path, 'agency'], false);
  return out;
}

/** Where the agency at `offset` is declared (the first declaration). */
export function agencyDefinition(doc: CaseDoc, offset: number): Span | undefined {
  const at = agencyAt(doc, offset);
  return at && agencyOccurrences(doc, at.id).find((o) => o.declaration)?.span;
}

export function agencyReferences(doc: CaseDoc, offset: number, includeDeclaration: boolean): Span[] {
  const at = agencyAt(doc, offset);
  if (!at) return [];
  return agencyOccurrences(doc, at.id).filter((o) => includeDeclaration || !o.declaration).map((o) => o.span);
}

/** The id a rename would change, when the cursor is on one. */
export function prepareAgencyRename(doc: CaseDoc, offset: number): { span: Span; placeholder: string } | undefined {
  const at = agencyAt(doc, offset);
  return at && { span: at.span, placeholder: at.id };
}

/** Renames an agency id everywhere it is written, or says why it cannot. */
export function renameAgency(doc: CaseDoc, offset: number, newId: string): { edits: TextEdit[] } | { error: string } | undefined {
  const at = agencyAt(doc, offset);
  if (!at) return undefined;
  const id = newId.trim();
  if (!AGENCY_ID.test(id)) return { error: `“${newId}” cannot be an agency id. Use lower-case letters and digits, with single hyphens between words (for example health-visiting).` };
  if (id !== at.id && agencyOccurrences(doc, id).some((o) => o.declaration)) return { error: `Another agency already has the id \`${id}\`.` };
  return { edits: agencyOccurrences(doc, at.id).map((o) => ({ span: o.span, newText: id })) };
}

/** The case files of the dossier that a `learning[].reference` at `offset` names. */
export function learningTargets(doc: CaseDoc, offset: number, dossier: readonly DossierCase[]): { span: Span; targets: DossierCase[] } | undefined {
  const hit = nodeAt(doc, offset);
  if (!hit || hit.part !== 'value' || shapeOf(hit.path) !== 'learning.[].reference') return undefined;
  const ref = asString(hit.value)?.trim().toLowerCase();
  if (!ref) return undefined;
  return { span: hit.span, targets: dossier.filter((c) => c.reference.trim().toLowerCase() === ref) };
}
