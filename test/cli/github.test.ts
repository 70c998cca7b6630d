import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex, RULES_BY_ID, type Finding } from '../../server/src/engine/index';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github';
import type { FileReport, RunReport } from '../../server/src/cli/report';
import { scratch } from '../helpers/cli';
import { CI_DOSSIER, GOLDEN_TODAY, run } from './run-cli';

/** Undoes GitHub's escaping, as the runner does when it reads a command. */
function unescape(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

/** Splits a workflow command the way the runner does: `::name k=v,k=v::data`. */
function parseCommand(line: string): { name: string; props: Record<string, string>; data: string } {
  const m = /^::([a-z]+) ([^:]*)::(.*)$/s.exec(line);
  assert.ok(m, `a workflow command: ${line}`);
  const props: Record<string, string> = {};
  for (const pair of m[2].split(',')) {
    const i = pair.indexOf('=');
    props[pair.slice(0, i)] = unescape(pair.slice(i + 1));
  }
  return { name: m[1], props, data: unescape(m[3]) };
}

function reportWith(path: string, text: string, findings: Finding[]): RunReport {
  const lines = new LineIndex(text);
  const file: FileReport = { path, absolutePath: `/x/${path}`, lines, findings, waived: [], fingerprints: new Map(findings.map((f, i) => [f, String(i)])), kind: 'case' };
  return { files: [file], errors: 0, warnings: 1, baselined: 0 };
}

describe('--format github: escaping', () => {
  it('escapes data: %, CR and LF, and nothing else', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeData('%0A is not a line break'), '%250A is not a line break');
  });

  it('escapes properties: also : and ,', () => {
    assert.equal(escapeProperty('a,b:c%d\ne\rf'), 'a%2Cb%3Ac%25d%0Ae%0Df');
  });

  it('a message with %, :, , and line breaks survives the round trip', () => {
    const message = 'Board "East, shire: 100%" is not checked.\nAsk it: now, please.\r\nThen record %0A literally.';
    const text = 'scr: 1\ncase:\n  reference: X\n';
    const f: Finding = { rule: 'neighbouring-check', severity: 'warning', message, span: { start: 15, end: 24 }, questions: [3], fixes: [], related: [] };
    const out = formatGithub(reportWith('folder, one/case: 2%.scr.yaml', text, [f]));
    const first = out.split('\n')[0];
    assert.doesNotMatch(first, /[\r]/);
    const cmd = parseCommand(first);
    assert.equal(cmd.name, 'warning');
    assert.equal(cmd.props.file, 'folder, one/case: 2%.scr.yaml');
    assert.equal(cmd.props.line, '3');
    assert.equal(cmd.props.col, '3');
    assert.equal(cmd.props.title, 'Boards where the family lived are checked (neighbouring-check)');
    assert.ok(cmd.data.startsWith(message + '\n'), cmd.data);
    assert.match(cmd.data, /QM2 question 3\. More: https:\/\/.+neighbouring-check\.md$/);
  });

  it('severity becomes the command: error, warning, notice', () => {
    const text = 'a: 1\n';
    const mk = (severity: Finding['severity']): Finding => ({ rule: 'schema', severity, message: 'm', span: { start: 0, end: 1 }, questions: [], fixes: [], related: [] });
    const out = formatGithub(reportWith('a.scr.yaml', text, ['error', 'warning', 'info', 'hint'].map((s) => mk(s as Finding['severity']))));
    assert.deepEqual(out.split('\n').slice(0, 4).map((l) => l.split(' ')[0]), ['::error', '::warning', '::notice', '::notice']);
  });

  it('past GitHub’s 10 annotations of a kind, the log says the rest are only in the log', () => {
    const text = 'a: 1\n';
    const mk = (): Finding => ({ rule: 'schema', severity: 'warning', message: 'm', span: { start: 0, end: 1 }, questions: [], fixes: [], related: [] });
    assert.doesNotMatch(formatGithub(reportWith('a.scr.yaml', text, Array.from({ length: 10 }, mk))), /GitHub shows only/);
    assert.match(formatGithub(reportWith('a.scr.yaml', text, Array.from({ length: 11 }, mk))), /^GitHub shows only the first 10 errors, 10 warnings and 10 notices/m);
  });

  it('a finding over several lines gives no columns (GitHub ignores them there)', () => {
    const text = 'a:\n  b: 1\n  c: 2\n';
    const f: Finding = { rule: 'schema', severity: 'error', message: 'm', span: { start: 0, end: text.length }, questions: [], fixes: [], related: [] };
    const cmd = parseCommand(formatGithub(reportWith('a.scr.yaml', text, [f])).split('\n')[0]);
    assert.deepEqual(cmd.props, { file: 'a.scr.yaml', line: '1', endLine: '3', title: `${RULES_BY_ID.get('schema')!.title} (schema)` });
  });
});

describe('--format github on real files', () => {
  it('annotates each finding (not waived ones) and ends with each case’s QM2 line', () => {
    const r = run(['--format', 'github', '--today', GOLDEN_TODAY], CI_DOSSIER);
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::')).map(parseCommand);
    assert.ok(commands.length > 5);
    assert.ok(commands.every((c) => c.props.file && Number(c.props.line) >= 1));
    assert.ok(!commands.some((c) => c.props.title.includes('minimum-data-requested')), 'the waived finding is not annotated');
    const board = commands.find((c) => c.props.title.includes('neighbouring-check'))!;
    assert.match(board.data, /^East, shire: 100% LSCB appears/, 'the board name with , : and % comes back whole');
    assert.match(r.stdout, /^QM2 checklist for child-r\.scr\.yaml: 5\/9 met .*\(1 finding waived\)$/m);
  });

  it('a file name with , : and % is escaped in file=', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'a, b: 100%.scr.yaml'), readFileSync(join(CI_DOSSIER, 'child-s.scr.yaml'), 'utf8'));
    const r = run(['--format', 'github', '--today', GOLDEN_TODAY], s.dir);
    s.done();
    const first = r.stdout.split('\n')[0];
    assert.match(first, /^::notice file=a%2C b%3A 100%25\.scr\.yaml,line=/);
    assert.equal(parseCommand(first).props.file, 'a, b: 100%.scr.yaml');
  });
});
