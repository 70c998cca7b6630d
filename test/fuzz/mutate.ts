/**
 * Mutations that mimic what happens to case files in real life (a paste gone wrong, an editor
 * that saves CRLF or a BOM, a half-typed line) and what a hostile file might hold. Each takes a
 * text and a source of randomness, so a failing case can be replayed from its seed.
 */
import { seeded, type Rand } from '../helpers/random';

export { seeded, type Rand };

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const at = (r: Rand, n: number) => Math.floor(r() * (n + 1));

export const MUTATORS: Record<string, (text: string, r: Rand) => string> = {
  truncate: (t, r) => t.slice(0, at(r, t.length)),
  flipChar: (t, r) => {
    const i = at(r, t.length - 1);
    return t.slice(0, i) + String.fromCharCode(t.charCodeAt(i) ^ (1 << Math.floor(r() * 7))) + t.slice(i + 1);
  },
  insertSymbol: (t, r) => {
    const i = at(r, t.length);
    return t.slice(0, i) + pick(r, [':', '-', '"', "'", '[', ']', '{', '}', '#', '&a', '*a', '!', '|', '>', '? ', '%', '@', '`', '\t', '\0', '\uFEFF', '\uD800', '<<: *a']) + t.slice(i);
  },
  shiftIndent: (t, r) => {
    const lines = t.split('\n');
    const i = at(r, lines.length - 1);
    lines[i] = r() < 0.5 ? ` ${lines[i]}` : lines[i].replace(/^ /, '');
    return lines.join('\n');
  },
  duplicateLine: (t, r) => {
    const lines = t.split('\n');
    const i = at(r, lines.length - 1);
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  },
  deleteLine: (t, r) => {
    const lines = t.split('\n');
    lines.splice(at(r, lines.length - 1), 1);
    return lines.join('\n');
  },
  swapLines: (t, r) => {
    const lines = t.split('\n');
    const i = at(r, lines.length - 1);
    const j = at(r, lines.length - 1);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
  tabs: (t) => t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  bom: (t) => `\uFEFF${t}`,
  nul: (t, r) => {
    const i = at(r, t.length);
    return `${t.slice(0, i)}\0${t.slice(i)}`;
  },
  loneSurrogate: (t, r) => {
    const i = at(r, t.length);
    return `${t.slice(0, i)}${pick(r, ['\uD83D', '\uDC00', '\uFFFE'])}${t.slice(i)}`;
  },
  secondDocument: (t) => `${t}\n---\n${t}`,
  customTag: (t) => t.replace(/: (\S)/, ': !custom $1'),
  mergeKey: (t) => t.replace(/^case:\n/m, 'base: &b\n  board: Westshire LSCB\ncase:\n  <<: *b\n'),
  anchorsEverywhere: (t) => t.replace(/^(\s+)(\w+): (\S.*)$/m, '$1$2: &x $3\n$1again: *x'),
  complexKey: (t) => `? [a, b]\n: 1\n? {c: d}\n: 2\n3: three\nnull: nothing\ntrue: yes\n${t}`,
  replaceValueWithList: (t, r) => {
    const lines = t.split('\n');
    const i = at(r, lines.length - 1);
    lines[i] = lines[i].replace(/: .*$/, ': [1, {a: b}, [c]]');
    return lines.join('\n');
  },
};

export const MUTATOR_NAMES = Object.keys(MUTATORS);

/** Applies 1–4 random mutations; returns the text and what was done, for the report. */
export function mutate(text: string, r: Rand): { text: string; steps: string[] } {
  let out = text;
  const steps: string[] = [];
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const name = pick(r, MUTATOR_NAMES);
    out = MUTATORS[name](out, r);
    steps.push(name);
  }
  return { text: out, steps };
}

/** Inputs built to hurt: huge, deep, self-referential. */
export function hostileInputs(): { name: string; text: string }[] {
  const deepFlow = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const deepBlock = Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' end\n';
  const deepSeq = Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n') + ' x\n';
  let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  return [
    { name: '10 MB scalar', text: `scr: 1\ncase:\n  reference: ${'x'.repeat(10 * 1024 * 1024)}\n` },
    { name: '10 MB block text', text: `scr: 1\ncase:\n  incident:\n    summary: |\n${'      line of text\n'.repeat(600_000)}` },
    { name: '10,000-deep flow nesting', text: `scr: 1\nnotes: ${deepFlow}\n` },
    { name: '2,000-deep block mappings', text: deepBlock },
    { name: '2,000-deep block lists', text: deepSeq },
    { name: 'alias bomb', text: bomb + 'scr: 1\n' },
    { name: 'merge keys', text: 'defaults: &d\n  outcome: died\ncase:\n  incident:\n    <<: *d\n    date: 2016-01-01\n' },
    // A part that holds a reference to itself (the fuzzer found one made of a merge key).
    { name: 'a part merged into itself', text: 'scr: 1\nnotes: &n\n  <<: *n\n  a: To be completed.\n' },
    { name: 'a list holding itself', text: 'scr: 1\nnotes: &n [To be completed., *n]\n' },
    { name: 'a section holding itself, beside a slip', text: 'scr: 1\ncontext: &c\n  again: *c\n  note: To be completed.\ndecision: [\n' },
    { name: 'custom tags', text: 'scr: !!int 1\ncase: !case\n  reference: !ref NSCB-1\n' },
    { name: 'many documents', text: Array.from({ length: 50 }, (_, i) => `scr: ${i}\n`).join('---\n') },
    { name: 'keys of every type', text: '? [a, b]\n: 1\n? {c: d}\n: 2\n3: x\nnull: y\ntrue: z\n1.5: w\n' },
    { name: 'only a BOM', text: '\uFEFF' },
    { name: 'NUL bytes', text: 'scr: 1\0\ncase:\0\n' },
    { name: 'lone surrogates', text: 'scr: 1\ncase:\n  reference: \uD800\uDC00\uD800\n' },
    { name: 'CR only line ends', text: 'scr: 1\rcase:\r  reference: X\r' },
    { name: 'a list at the top', text: '- scr: 1\n- case: {}\n' },
    { name: 'a number at the top', text: '42\n' },
    { name: 'a directive', text: '%YAML 1.1\n---\nscr: 1\n' },
  ];
}
