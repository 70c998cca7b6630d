import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import type { ChecklistResult } from '../../server/src/protocol';
import { DOSSIER, ROOT, TestClient, uriOf } from './client';

/**
 * Incremental sync, as a property: random sequences of edits sent as incremental `didChange`
 * notifications leave the server with exactly the text the editor has, so the findings for the
 * last version equal those of the same text opened afresh under another name in the same folder.
 *
 * `npm test` runs 40 sequences; SCR_FUZZ_RUNS=500 runs more, SCR_FUZZ_SEED=n another set. A failure
 * prints fast-check's seed and path and the shrunk sequence of edits, to replay it.
 */
const RUNS = Number(process.env.SCR_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.SCR_FUZZ_SEED ?? 20160601);
/** With SCR_FUZZ_SEED, the `path` fast-check printed: replays just that failure. */
const PATH = process.env.SCR_FUZZ_PATH;

/** The texts edited: every example and fixture. */
const TEXTS = globSync(['examples/*.scr.yaml', 'test/fixtures/**/*.scr.yaml'], { cwd: ROOT }).sort().map((f) => readFileSync(join(ROOT, f), 'utf8'));

// ---------------------------------------------------------------------------------------------
// The editor's side, written independently of vscode-languageserver-textdocument: offsets and
// LSP positions (UTF-16 code units; a line ends at \r\n, \n or a lone \r).

interface Position {
  line: number;
  character: number;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') starts.push(i + 1);
  }
  return starts;
}

function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** The length of each line without its break. */
function lineLengths(text: string): number[] {
  const starts = lineStarts(text);
  return starts.map((s, i) => {
    if (i + 1 === starts.length) return text.length - s;
    const next = starts[i + 1];
    return next - s - (text[next - 2] === '\r' && text[next - 1] === '\n' ? 2 : 1);
  });
}

/** An offset moved back so that it never falls inside a \r\n pair or a surrogate pair: no editor sends one. */
function snap(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return Math.max(0, Math.min(i, text.length));
  const before = text.charCodeAt(i - 1);
  const at = text.charCodeAt(i);
  if (before === 13 && at === 10) return i - 1;
  if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) return i - 1;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Edits, drawn in the abstract (numbers and texts) and placed in the text as it stands when they come.

/** Pieces a reviewer might type or paste, some on several lines, some with CRLF. */
const TYPED = [
  '\n', '\r\n', ' ', '  ', '- ', ': ', 'x', '#', '# a note', 'é', '😀', '\t',
  'reference: TSCB-2016-01', 'reference: TSCB-2016-77', 'outcome: scr', 'outcome: no-scr', 'date: 2016-02-30', 'date: 2016-05-01',
  'agencies: [csc, police, pro]', '\n  - id: extra\n    name: Extra agency\n    type: police\n',
  'decision:\r\n  outcome: no-scr\r\n  rationale: Not met.\r\n', '\nnotes: |\n  line one\n  line two\n',
  '  # scr-waive duplicate-id: a reason\n', '  # scr-waive unknown-agency:\n', 'NSCB-2014-02', 'Child T', 'mother',
];
/** Fragments that break the YAML until they are taken out again. */
const BREAKING = [': [', '"', "'", '{', '\t', '  bad indent: x\n', '&', '*nope', '? ', ': : :', '\n---\n', '%', '@', '`', '- [a, {b: c', '\n key:\n    - x\n  y: z\n'];

/** Values typed over a value: the YAML stays whole, the findings change. */
const VALUES = ['TSCB-2016-01', 'TSCB-2016-02', 'NSCB-2016-21', 'scr', 'no-scr', 'yes', 'no', 'suspected', '2016-01-10', '2016-02-30', '2017-01-31', '[csc, police]', '[csc, pro]', 'Child T', 'Testshire LSCB', 'police', 'Not recorded.', '""', '~'];

const textArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TYPED) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant('') },
);
const at = fc.nat({ max: 1_000_000 });

type Op =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'replace'; at: number; len: number; text: string }
  | { kind: 'lines'; at: number; count: number; mode: 'delete' | 'duplicate' | 'indent' | 'outdent' | 'replace'; text: string }
  | { kind: 'end'; len: number; text: string }
  | { kind: 'break'; at: number; text: string }
  | { kind: 'repair' }
  | { kind: 'whole'; at: number; text: string }
  | { kind: 'value'; at: number; text: string }
  | { kind: 'comment'; at: number }
  | { kind: 'retype'; at: number; len: number; pieces: number };

const ops = {
  insert: fc.record({ kind: fc.constant('insert' as const), at, text: textArb }),
  delete: fc.record({ kind: fc.constant('delete' as const), at, len: fc.oneof(fc.nat({ max: 5 }), fc.nat({ max: 400 })) }),
  replace: fc.record({ kind: fc.constant('replace' as const), at, len: fc.oneof(fc.nat({ max: 5 }), fc.nat({ max: 400 })), text: textArb }),
  lines: fc.record({ kind: fc.constant('lines' as const), at, count: fc.integer({ min: 1, max: 5 }), mode: fc.constantFrom('delete' as const, 'duplicate' as const, 'indent' as const, 'outdent' as const, 'replace' as const), text: textArb }),
  end: fc.record({ kind: fc.constant('end' as const), len: fc.nat({ max: 30 }), text: textArb }),
  break: fc.record({ kind: fc.constant('break' as const), at, text: fc.constantFrom(...BREAKING) }),
  repair: fc.constant({ kind: 'repair' as const }),
  whole: fc.record({ kind: fc.constant('whole' as const), at, text: textArb }),
  value: fc.record({ kind: fc.constant('value' as const), at, text: fc.constantFrom(...VALUES) }),
  comment: fc.record({ kind: fc.constant('comment' as const), at }),
  retype: fc.record({ kind: fc.constant('retype' as const), at, len: fc.integer({ min: 1, max: 20 }), pieces: fc.integer({ min: 1, max: 4 }) }),
};

/** Anything at all. */
const roughOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: ops.insert },
  { weight: 3, arbitrary: ops.delete },
  { weight: 3, arbitrary: ops.replace },
  { weight: 3, arbitrary: ops.lines },
  { weight: 2, arbitrary: ops.end },
  { weight: 2, arbitrary: ops.break },
  { weight: 2, arbitrary: ops.repair },
  { weight: 1, arbitrary: ops.whole },
  { weight: 1, arbitrary: ops.value },
);
/** Edits a careful reviewer makes: values changed, notes added, text retyped, YAML broken for a moment and put right. */
const carefulOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: ops.value },
  { weight: 2, arbitrary: ops.comment },
  { weight: 2, arbitrary: ops.retype },
  { weight: 2, arbitrary: ops.break },
  { weight: 2, arbitrary: ops.repair },
);

/**
 * One notification: its edits (applied one after the other), how far the version moves, and a
 * pull while the edits go on: none, one not waited for, or one answered before the next edit.
 */
const notificationArb = (op: fc.Arbitrary<Op>) => fc.record({
  ops: fc.array(op, { minLength: 1, maxLength: 4 }),
  step: fc.integer({ min: 1, max: 3 }),
  pull: fc.constantFrom('none' as const, 'none' as const, 'none' as const, 'race' as const, 'wait' as const),
});

/** 1–15 edits in all, spread over notifications; a careful sequence ends with the YAML put right. */
const sequenceArb = fc.boolean().chain((careful) => fc.record({
  careful: fc.constant(careful),
  file: fc.nat({ max: TEXTS.length - 1 }),
  crlf: fc.nat({ max: 3 }).map((n) => n === 0),
  notifications: fc.array(notificationArb(careful ? carefulOp : roughOp), { minLength: 1, maxLength: 15 }).map((ns) => {
    let left = 15;
    return ns.map((n) => {
      const kept = n.ops.slice(0, Math.max(0, left));
      left -= kept.length;
      return { ...n, ops: kept };
    }).filter((n) => n.ops.length > 0);
  }),
}));

type Sequence = typeof sequenceArb extends fc.Arbitrary<infer T> ? T : never;

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Sent as a full-text change (no range). */
  whole?: boolean;
  /** A fragment that breaks the YAML, to be taken out again by a later repair. */
  breaks?: boolean;
}

/** A breaking fragment still in the text, where it stands. */
interface Fragment {
  start: number;
  end: number;
}

const overlaps = (e: { start: number; end: number }, fs: Fragment[]) => fs.some((f) => e.start <= f.end && f.start <= e.end);

/**
 * Where an abstract edit lands in `text`: one or more edits, each placed in the text the previous
 * ones leave (as the changes of one notification are). Empty when there is nothing to do.
 */
function place(op: Op, text: string, broken: Fragment[]): Edit[] {
  const n = text.length;
  const pos = (a: number) => snap(text, a % (n + 1));
  const starts = lineStarts(text);
  const lengths = lineLengths(text);
  switch (op.kind) {
    case 'insert':
      return [{ start: pos(op.at), end: pos(op.at), text: op.text }];
    case 'delete':
    case 'replace': {
      const start = pos(op.at);
      return [{ start, end: snap(text, Math.min(n, start + op.len)), text: op.kind === 'replace' ? op.text : '' }];
    }
    case 'lines': {
      const first = op.at % starts.length;
      const last = Math.min(starts.length, first + op.count);
      const start = starts[first];
      const end = last < starts.length ? starts[last] : n;
      const lines = text.slice(start, end);
      const newText = {
        delete: '',
        duplicate: lines + (last < starts.length ? lines : `\n${lines}`),
        indent: lines.replace(/^(?=.)/gm, '  '),
        outdent: lines.replace(/^ {1,2}/gm, ''),
        replace: op.text,
      }[op.mode];
      return [{ start, end, text: newText }];
    }
    case 'end':
      return [{ start: snap(text, Math.max(0, n - op.len)), end: n, text: op.text }];
    case 'break': {
      const p = pos(op.at);
      return [{ start: p, end: p, text: op.text, breaks: true }];
    }
    case 'repair': {
      const f = broken.at(-1);
      return f ? [{ start: f.start, end: f.end, text: '' }] : [];
    }
    case 'whole': {
      const p = pos(op.at);
      return [{ start: 0, end: n, text: text.slice(0, p) + op.text + text.slice(p), whole: true }];
    }
    case 'value': {
      // A plain value after `key: ` (or `- key: `), up to any comment.
      const values = starts.flatMap((s, i) => {
        const m = /^(\s*(?:- )?[A-Za-z][\w-]*:[ \t]+)([^\s|>#&*!'"[{][^#]*?)[ \t]*(#.*)?$/.exec(text.slice(s, s + lengths[i]));
        return m ? [{ start: s + m[1].length, end: s + m[1].length + m[2].length }] : [];
      });
      const v = values[op.at % Math.max(1, values.length)];
      return v && !overlaps(v, broken) ? [{ ...v, text: op.text }] : [];
    }
    case 'comment': {
      const line = op.at % starts.length;
      const end = starts[line] + lengths[line];
      return overlaps({ start: end, end }, broken) ? [] : [{ start: end, end, text: lengths[line] ? ' # checked' : '# checked' }];
    }
    case 'retype': {
      // Select some of a line, delete it, then type it again in pieces.
      const p = pos(op.at);
      const line = positionAt(text, p).line;
      const end = snap(text, Math.min(p + op.len, starts[line] + lengths[line]));
      if (end <= p || overlaps({ start: p, end }, broken)) return [];
      const typed = text.slice(p, end);
      const edits: Edit[] = [{ start: p, end, text: '' }];
      let done = 0;
      for (let k = 1; k <= op.pieces && done < typed.length; k++) {
        const upTo = k === op.pieces ? typed.length : snap(typed, Math.ceil((typed.length * k) / op.pieces));
        if (upTo <= done) continue;
        edits.push({ start: p + done, end: p + done, text: typed.slice(done, upTo) });
        done = upTo;
      }
      return edits;
    }
  }
}

/** Moves the remembered fragments past an edit; a fragment the edit touches is no longer known. */
function track(broken: Fragment[], e: Edit): Fragment[] {
  if (e.whole) return [];
  const delta = e.text.length - (e.end - e.start);
  return broken.flatMap((f) => {
    if (e.start === f.start && e.end === f.end && !e.text) return []; // the repair itself
    if (e.end <= f.start) return [{ start: f.start + delta, end: f.end + delta }];
    if (e.start >= f.end) return [f];
    return [];
  });
}

// ---------------------------------------------------------------------------------------------
// Comparing what the server says about two documents with the same text.

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: Diagnostic[];
}

/** A diagnostic as it would read in any file: this file's name and the other's replaced by placeholders. */
function normalise(ds: Diagnostic[], self: string, other: string): unknown[] {
  const name = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
  const text = (s: string) => s.split(name(self)).join('<self>').split(name(other)).join('<other>');
  const uri = (u: string) => (u === self ? '<self>' : u === other ? '<other>' : u);
  return ds.map((d) => {
    const data = d.data as { questions: number[]; version?: number | null; fixes: unknown[] };
    return {
      code: d.code,
      severity: d.severity,
      source: d.source,
      href: d.codeDescription?.href,
      range: d.range,
      message: text(typeof d.message === 'string' ? d.message : d.message.value),
      related: d.relatedInformation?.map((r) => ({ uri: uri(r.location.uri), range: r.location.range, message: text(r.message) })),
      questions: data.questions,
      fixes: data.fixes,
    };
  });
}

/**
 * Every range lies inside the text. One known slip is let through and counted: the engine can end
 * a YAML error between the \r and \n of a line break (see the to-do test below).
 */
function assertInside(ds: Diagnostic[], text: string, what: string): void {
  const lengths = lineLengths(text);
  const starts = lineStarts(text);
  const crlf = (line: number) => line + 1 < starts.length && text[starts[line + 1] - 2] === '\r' && text[starts[line + 1] - 1] === '\n';
  for (const d of ds) {
    for (const p of [d.range.start, d.range.end]) {
      if (p.line < lengths.length && p.character === lengths[p.line] + 1 && crlf(p.line)) {
        seen.insideLineBreak++;
        continue;
      }
      assert.ok(p.line < lengths.length && p.character <= lengths[p.line], `${what}: ${d.code} at ${JSON.stringify(d.range)} is outside the text (${lengths.length} lines)`);
    }
  }
}

const isCancelled = (e: unknown) => (e as { code?: number })?.code === -32802;

/** What the sequences covered, reported with the test so that a weak generator shows. */
const seen = { sequences: 0, careful: 0, edits: 0, notifications: 0, multiChange: 0, crlf: 0, brokenAtEnd: 0, repaired: 0, pullsAnswered: 0, pullsCancelled: 0, insideLineBreak: 0 };

describe('incremental changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scr-incremental-'));
  cpSync(DOSSIER, dir, { recursive: true });
  // Neither file is on disk: both live only in the editor, beside the dossier and its scr.config.yaml.
  const EDITED = uriOf(join(dir, 'edited.scr.yaml'));
  const FRESH = uriOf(join(dir, 'fresh.scr.yaml'));
  const started = TestClient.start({ folders: [dir], pull: true });
  after(async () => {
    await (await started).stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const pull = (c: TestClient, uri: string, previousResultId?: string) => c.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  const checklist = (c: TestClient, uri: string) => c.request<ChecklistResult | null>('scr/checklist', { uri });

  /**
   * The findings of both documents once nothing changes any more: pulls both until both answer
   * "unchanged" (each document's reference is part of the other's dossier, so a first answer may
   * be for a dossier that has since moved on).
   */
  async function settled(c: TestClient): Promise<[Diagnostic[], Diagnostic[]]> {
    let a: Report | undefined;
    let b: Report | undefined;
    for (let round = 0; round < 10; round++) {
      const ra = await pull(c, EDITED, a?.resultId);
      const rb = await pull(c, FRESH, b?.resultId);
      if (ra.kind === 'unchanged' && rb.kind === 'unchanged') return [a!.items!, b!.items!];
      if (ra.kind === 'full') a = ra;
      if (rb.kind === 'full') b = rb;
    }
    assert.fail('the findings of the two documents never settled');
  }

  async function check(c: TestClient, seq: Sequence): Promise<void> {
    const start = seq.crlf ? TEXTS[seq.file].replace(/\r?\n/g, '\r\n') : TEXTS[seq.file];
    let text = start;
    let version = 1;
    let broken: Fragment[] = [];
    let mirror = TextDocument.create(EDITED, 'scr-case', 1, text);
    const texts = new Map([[1, text]]);
    const meanwhile: Promise<{ report?: Report; from: number }>[] = [];
    type Change = { text: string } | { range: { start: Position; end: Position }; text: string };
    const send = (changes: Change[], step: number) => {
      version += step;
      c.notification('textDocument/didChange', { textDocument: { uri: EDITED, version }, contentChanges: changes });
      mirror = TextDocument.update(mirror, changes, version);
      texts.set(version, text);
      seen.edits += changes.length;
      seen.notifications++;
      if (changes.length > 1) seen.multiChange++;
    };
    const apply = (e: Edit): Change => {
      const change = e.whole ? { text: e.text } : { range: { start: positionAt(text, e.start), end: positionAt(text, e.end) }, text: e.text };
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
      broken = track(broken, e);
      if (e.breaks) broken.push({ start: e.start, end: e.start + e.text.length });
      return change;
    };
    c.notification('textDocument/didOpen', { textDocument: { uri: EDITED, languageId: 'scr-case', version, text } });
    try {
      for (const n of seq.notifications) {
        const sent: Change[] = [];
        // Each edit is placed in the text the previous ones left, as the changes of one notification are.
        for (const op of n.ops) for (const e of place(op, text, broken)) sent.push(apply(e));
        if (!sent.length) continue;
        send(sent, n.step);
        if (n.pull === 'race') {
          // Not waited for: answered for this version or a later one, or cancelled.
          const from = version;
          meanwhile.push(pull(c, EDITED).then((report) => ({ report, from }), (e) => (isCancelled(e) ? (seen.pullsCancelled++, { from }) : Promise.reject(e))));
        } else if (n.pull === 'wait') {
          // Answered before the next edit: for exactly this version.
          const r = await pull(c, EDITED);
          seen.pullsAnswered++;
          for (const d of r.items ?? []) assert.equal((d.data as { version: number }).version, version, 'a pull between edits answers for the version just sent');
          assertInside(r.items ?? [], text, `version ${version}`);
        }
      }
      // A careful reviewer puts right what they broke, last first.
      if (seq.careful && broken.length) {
        const repairs: Change[] = [];
        while (broken.length) repairs.push(apply({ ...broken.at(-1)!, text: '' }));
        send(repairs, 1);
      }
      assert.equal(mirror.getText(), text, 'the editor-side model and vscode-languageserver-textdocument agree');

      c.notification('textDocument/didOpen', { textDocument: { uri: FRESH, languageId: 'scr-case', version: 1, text } });
      const [edited, fresh] = await settled(c);
      seen.sequences++;
      if (seq.careful) seen.careful++;
      if (seq.crlf) seen.crlf++;
      if (edited.some((d) => d.code === 'yaml-syntax')) seen.brokenAtEnd++;
      if (seq.notifications.some((n) => n.ops.some((o) => o.kind === 'repair'))) seen.repaired++;
      for (const d of edited) assert.equal((d.data as { version: number }).version, version, 'findings are for the last version');
      assertInside(edited, text, 'edited');
      assert.deepEqual(normalise(edited, EDITED, FRESH), normalise(fresh, FRESH, EDITED), 'findings after the edits equal those of the same text opened afresh');

      // The rest of what the server holds for the text: checklist (with its evidence and test) and outline.
      const [ca, cb] = [await checklist(c, EDITED), await checklist(c, FRESH)];
      assert.equal(ca?.version, version, 'the checklist is for the last version');
      const strip = (r: ChecklistResult | null) => r && { ...r, uri: undefined, version: undefined };
      assert.deepEqual(strip(ca), strip(cb), 'the checklist equals that of the text opened afresh');
      const symbols = (uri: string) => c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(await symbols(EDITED), await symbols(FRESH), 'the outline equals that of the text opened afresh');

      for (const { report, from } of await Promise.all(meanwhile)) {
        if (!report) continue;
        seen.pullsAnswered++;
        const v = (report.items?.[0]?.data as { version: number } | undefined)?.version;
        if (v === undefined) continue;
        assert.ok(texts.has(v) && v >= from, `a pull sent at version ${from} answered for version ${v}`);
        assertInside(report.items!, texts.get(v)!, `version ${v}`);
      }
    } finally {
      await Promise.allSettled(meanwhile);
      c.notification('textDocument/didClose', { textDocument: { uri: EDITED } });
      c.notification('textDocument/didClose', { textDocument: { uri: FRESH } });
    }
  }

  it(`${RUNS} random sequences of edits end with the findings of a fresh open of the same text`, { timeout: 600_000 }, async (t) => {
    const c = await started;
    assert.ok(TEXTS.length >= 10);
    await fc.assert(fc.asyncProperty(sequenceArb, (seq) => check(c, seq)), { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}) });
    t.diagnostic(`covered: ${JSON.stringify(seen)}`);
    assert.doesNotMatch(c.stderr.join(''), /failed|Error/, 'the server logged no failure');
  });

  it('ends every range at a real position of a CRLF file', async () => {
    const c = await started;
    const uri = uriOf(join(dir, 'crlf.scr.yaml'));
    const text = 'a:\r\n  b:\r\n c: 1\r\n';
    c.open(uri, text);
    try {
      const r = await pull(c, uri);
      const lengths = lineLengths(text);
      for (const d of r.items ?? []) for (const p of [d.range.start, d.range.end]) assert.ok(p.character <= lengths[p.line], `${d.code} at ${JSON.stringify(d.range)}`);
    } finally {
      c.notification('textDocument/didClose', { textDocument: { uri } });
    }
  });

  // Two faults the property found, kept as plain examples.
  const ALPHA = uriOf(join(dir, 'alpha.scr.yaml'));
  const GAMMA = uriOf(join(dir, 'gamma.scr.yaml'));
  const duplicate = (r: Report) => r.items?.find((d) => d.code === 'duplicate-id');

  it('follows a shared case reference that moves in another open file', async () => {
    const c = await started;
    c.open(GAMMA, readFileSync(join(dir, 'gamma.scr.yaml'), 'utf8'));
    c.open(ALPHA, readFileSync(join(dir, 'alpha.scr.yaml'), 'utf8'));
    const before = await pull(c, GAMMA);
    assert.equal(duplicate(before)?.relatedInformation?.[0].location.range.start.line, 3, 'alpha has the reference on line 4');
    await pull(c, ALPHA);
    // Two lines above alpha's reference: the reference stays the same but moves down.
    c.edit(ALPHA, '# Fictional test case', '# Added note one\n# Added note two\n# Fictional test case');
    await pull(c, ALPHA);
    const after = await pull(c, GAMMA, before.resultId);
    assert.equal(after.kind, 'full', 'gamma is checked again');
    assert.deepEqual(duplicate(after)?.relatedInformation?.[0].location.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 25 } });
  });

  it('takes an unsaved case reference out of the dossier when its file is closed without saving', async () => {
    const c = await started;
    c.edit(ALPHA, 'reference: TSCB-2016-01', 'reference: TSCB-2016-09');
    await pull(c, ALPHA);
    assert.equal(duplicate(await pull(c, GAMMA)), undefined, 'alpha, as it stands in the editor, no longer shares the reference');
    const refreshes = c.refreshes;
    c.notification('textDocument/didClose', { textDocument: { uri: ALPHA } });
    // The file on disk still has gamma's reference: the server says so by asking for fresh diagnostics.
    await c.until(() => c.refreshes > refreshes, 'a diagnostic refresh after alpha was closed');
    assert.ok(duplicate(await pull(c, GAMMA)), 'gamma shares its reference with alpha as saved');
    c.notification('textDocument/didClose', { textDocument: { uri: GAMMA } });
  });
});
