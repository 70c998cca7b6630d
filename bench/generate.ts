/**
 * Deterministic generator of valid, realistic case files for the benchmarks.
 *
 * `caseFile({ scale, seed })` writes one case file. Scale 1 is a typical record (about 250
 * lines, like examples/complete-record.scr.yaml); scale 10 and 100 repeat the parts that grow in
 * real long-running cases — agencies, meetings, context, addresses (with their neighbouring-board
 * checks), agency input and learning — so the file grows about linearly. Everything is fictional:
 * pseudonyms, roles and invented places only. The same seed always gives the same text.
 *
 * `dossier(count)` gives `count` typical files with different seeds, unique case references
 * (some referring to each other under `learning`), spread over year folders, and a settings file.
 */

/** The seeded generator the tests use too: the same seed, the same sequence, on any machine. */
export { seeded as random } from '../test/helpers/random';
import { seeded as random } from '../test/helpers/random';

const BOARDS = [
  'Northshire', 'Westshire', 'Eastshire', 'Southshire', 'Midvale', 'Highmoor', 'Lowfield', 'Riverside', 'Coastmouth', 'Fenland Vale',
  'Oakridge', 'Stonebridge', 'Ashford Downs', 'Marshend', 'Greyhill', 'Brookdale', 'Kingsmere', 'Thornwick', 'Elmstead', 'Harrowgate Vale',
].map((b) => `${b} LSCB`);

interface AgencyKind {
  id: string;
  name: (place: string, n: number) => string;
  type: string;
  summaries: string[];
}

const AGENCY_KINDS: AgencyKind[] = [
  {
    id: 'csc', type: 'social-care', name: (p, n) => `${p} Children's Social Care${n > 1 ? ` (locality team ${n})` : ''}`,
    summaries: [
      'Contact and referral after an emergency department attendance with a bruise to the cheek. Assessed as no further action after a home visit; no strategy discussion was held.',
      'Child in need plan for eight months because of neglect of home conditions. Visits every four weeks; the plan closed three months before the incident.',
      'Early help assessment for the older sibling two years ago, closed after parenting support. No other contact with this family.',
    ],
  },
  {
    id: 'police', type: 'police', name: (p, n) => `${p} Police${n > 1 ? ` (district ${n})` : ''}`,
    summaries: [
      'Two domestic incidents at the family home, both recorded as verbal arguments between mother and partner and graded standard risk. No referral to children\'s social care was made.',
      'No contact before the incident. Attended on the day and took part in the strategy discussion; criminal investigation opened.',
    ],
  },
  {
    id: 'acute', type: 'health', name: (p, n) => `${p} Hospitals NHS Trust${n > 1 ? ` (site ${n})` : ''}`,
    summaries: [
      'Birth and routine postnatal care. One emergency department attendance with a minor injury explained as a fall; referral made to children\'s social care.',
      'Antenatal care with two missed appointments. Normal birth at term. Admission on the day of the incident.',
    ],
  },
  {
    id: 'health-visiting', type: 'health', name: (p, n) => `${p} Community Health Services (health visiting${n > 1 ? `, team ${n}` : ''})`,
    summaries: [
      'New birth visit and one further contact. The six-to-eight-week review was missed twice and not followed up.',
      'Records note the partner was reluctant to engage. Service level reduced to universal at eight weeks.',
    ],
  },
  {
    id: 'gp', type: 'health', name: (p, n) => `${p} GP practice ${n > 1 ? `number ${n}` : '(the registered practice)'}`,
    summaries: [
      'Registered at birth. Two routine immunisations given; the third was missed. Mother seen once for low mood and referred to talking therapies; she did not attend.',
      'Registered with the practice for three years. No consultations about the children in the last year.',
    ],
  },
  {
    id: 'school', type: 'education', name: (p, n) => `${p} primary school ${n > 1 ? `number ${n}` : '(older sibling\'s school)'}`,
    summaries: [
      'Older sibling on roll for two years. Attendance below 90 per cent. Staff logged a low-level concern about shouting at home and did not share it.',
      'No concerns recorded. Attendance good. The designated safeguarding lead attended the subgroup meeting.',
    ],
  },
];

const CONTEXT_TOPICS = [
  ['Previous reviews in the area', 'LSCB learning register', 'Two reviews in the last three years concerned bruising in non-mobile babies; one found that emergency department referrals were not always shared with health visitors.'],
  ['Health visiting caseloads', 'Community health services, report to the LSCB performance subgroup', 'Health visiting vacancies in the north locality ran at about a fifth of posts for most of the year, with missed developmental reviews followed up by letter only.'],
  ['Police response to domestic incidents where a baby lives in the home', 'Police audit presented to the LSCB', 'Children present at standard-risk incidents were not routinely notified to children\'s social care. A new notification process has since begun.'],
  ['Early help offer', 'Early help partnership annual report', 'Take-up of early help by families with babies fell during the year; the partnership has asked children\'s centres to follow up signposting letters.'],
];

const FORUMS = ['SCR subgroup', 'Case review panel', 'Extraordinary SCR subgroup', 'Strategy discussion'];
const METHODS = ['systems', 'silp', 'proportionate', 'hybrid'];
const PSEUDONYMS = 'ABCDEFGHJKLMNPRSTVWXYZ'.split('').map((l) => `Child ${l}`);

/** Days since 1970-01-01 (UTC) to YYYY-MM-DD and back. */
const DAY = 86_400_000;
function iso(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
function dayOf(s: string): number {
  return Math.round(Date.parse(`${s}T00:00:00Z`) / DAY);
}

/** Folds free text to block-scalar lines of about 88 characters, indented. */
function block(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > 88 - indent) {
      out.push(pad + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(pad + line);
  return `>\n${out.join('\n')}`;
}

export interface CaseOptions {
  /** How many times a typical file's size: 1 is a typical file (about 250 lines). */
  scale?: number;
  seed?: number;
  /** The case reference (unique across a dossier). */
  reference?: string;
  /** Other cases' references to name under `learning`. */
  learningFrom?: string[];
}

/**
 * One valid, realistic case file, `scale` times the size of a typical one. The growing parts are
 * repeated as often as it takes for the whole file to be about `scale` times as long, so that a
 * 100× file really holds 100 times the text of a 1× file.
 */
export function caseFile(options: CaseOptions = {}): string {
  const scale = Math.max(1, options.scale ?? 1);
  if (scale === 1) return build(options, 1);
  const want = scale * lineCount(build(options, 1));
  // The size grows almost linearly with the repeats: two corrections land within a line or so.
  let repeats = scale;
  let text = build(options, repeats);
  for (let i = 0; i < 3; i++) {
    const next = Math.max(1, Math.round(repeats * (want / lineCount(text))));
    if (next === repeats) break;
    repeats = next;
    text = build(options, repeats);
  }
  return text;
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function build(options: CaseOptions, scale: number): string {
  const seed = options.seed ?? 1;
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const home = BOARDS[seed % BOARDS.length];
  const place = home.replace(/ LSCB$/, '');
  const year = 2014 + (seed % 6);
  const reference = options.reference ?? `${place.slice(0, 1)}SCB-${year}-${String(seed % 100).padStart(2, '0')}`;
  const pseudonym = pick(PSEUDONYMS);

  // One timeline: incident, referral within a week, minimum data returns, meetings, decision within a month.
  const incident = dayOf(`${year}-01-01`) + Math.floor(rnd() * 300);
  const knownOn = incident + Math.floor(rnd() * 2);
  const referral = knownOn + 3 + Math.floor(rnd() * 3);
  const notified = knownOn + 1 + Math.floor(rnd() * 2);
  const requested = referral + 1;
  const decision = referral + 26;
  const died = rnd() < 0.5;

  const L: string[] = [];
  const push = (...lines: string[]) => L.push(...lines);
  push(
    `# SCR decision record: ${reference}`,
    `# Kept by the ${home} business unit. Generated for the benchmarks: every person, place and`,
    '# event in this file is invented. Pseudonyms and roles only.',
    'scr: 1',
    '',
    'case:',
    `  reference: ${reference}`,
    `  board: ${home}`,
    '  child:',
    `    pseudonym: ${pseudonym}`,
    `    age: ${1 + Math.floor(rnd() * 11)} months`,
    '  incident:',
    `    date: ${iso(incident)}`,
    `    knownOn: ${iso(knownOn)}          # the hospital told the emergency duty team`,
    `    outcome: ${died ? 'died' : 'seriously-harmed'}`,
    '    setting: home',
    `    summary: ${block(`${pseudonym} was found unresponsive at home by mother and taken to hospital by ambulance. ${died ? `${pseudonym} died the next day.` : `${pseudonym} survived with a serious head injury.`} The skeletal survey showed older rib fractures that had not been reported to any agency.`, 6)}`,
    '',
    'referral:',
    `  date: ${iso(referral)}`,
    `  from: Head of Service, ${place} Children's Social Care`,
    '  notifications:',
    '    - to: ofsted',
    `      date: ${iso(notified)}          # serious incident notification`,
    '',
  );

  // Addresses: the current one in the home board, earlier ones elsewhere (each elsewhere needs a check).
  const others: string[] = [];
  push('family:', '  addresses:', `    - board: ${home}`, `      from: ${iso(incident - 200)}`, '      to: null');
  let moved = incident - 201;
  for (let i = 0; i < 2 * scale - 1; i++) {
    const b = BOARDS[(seed + 1 + i) % BOARDS.length] === home ? BOARDS[(seed + 2 + i) % BOARDS.length] : BOARDS[(seed + 1 + i) % BOARDS.length];
    const stay = 60 + Math.floor(rnd() * 300);
    push(`    - board: ${b}`, `      from: ${iso(moved - stay)}`, `      to: ${iso(moved)}${i === 0 ? '            # the family then moved' : ''}`);
    if (!others.includes(b)) others.push(b);
    moved -= stay + 1;
  }
  push('');

  // Agencies: the six kinds of a typical case, repeated for each scale step with their own ids.
  const ids: string[] = [];
  push('agencies:');
  for (let k = 1; k <= scale; k++) {
    for (const kind of AGENCY_KINDS) {
      const id = k === 1 ? kind.id : `${kind.id}-${k}`;
      ids.push(id);
      // About one return in twelve is still outstanding: a gap the checker reports, as in real records.
      const outstanding = k + kind.id.length > 2 && rnd() < 1 / 12;
      push(
        `  - id: ${id}`,
        `    name: ${kind.name(place, k)}`,
        `    type: ${kind.type}`,
        `    involvement: ${outstanding ? 'unknown' : 'known'}`,
        '    minimumData:',
        `      requested: ${iso(requested)}`,
      );
      if (outstanding) push('      # Chased twice; the return is with the safeguarding lead.', '      received: null');
      else push(`      received: ${iso(requested + 3 + Math.floor(rnd() * 12))}`, `      summary: ${block(pick(kind.summaries), 8)}`);
      if (rnd() < 0.2) push('    notes: The designated safeguarding lead attended the subgroup meeting in person.');
    }
  }
  push('');

  push('context:');
  for (let k = 0; k < 3 * scale; k++) {
    const [topic, source, summary] = CONTEXT_TOPICS[(seed + k) % CONTEXT_TOPICS.length];
    push(`  - topic: ${topic}`, `    source: ${source}`, `    summary: ${block(summary, 6)}`);
  }
  push('');

  push('neighbouringBoards:');
  for (const b of others) {
    push(
      `  - board: ${b}`,
      `    requested: ${iso(requested)}`,
      `    received: ${iso(requested + 5 + Math.floor(rnd() * 8))}`,
      `    outcome: ${block(`${b.replace(/ LSCB$/, '')} Children's Social Care held an early help record for the older sibling, closed after parenting support. No other partner held records.`, 6)}`,
    );
  }
  push('');

  push('meetings:');
  for (let k = 0; k < scale; k++) {
    const present = ids.slice(k * AGENCY_KINDS.length, (k + 1) * AGENCY_KINDS.length);
    push(
      `  - date: ${iso(requested + 14 + (k % 8))}`,
      `    forum: ${k === 0 ? 'SCR subgroup' : pick(FORUMS)}`,
      `    agencies: [${present.join(', ')}]`,
      '    recommendation:',
      '      outcome: scr',
      `      rationale: ${block('Criteria met: abuse is suspected. Several agencies held pieces of information that were not brought together. Strong learning about domestic abuse notifications and about follow-up of injuries in non-mobile babies.', 8)}`,
    );
  }
  push('');

  push('agencyInput:');
  for (let k = 0; k < 3 * scale; k++) {
    push(
      `  - agency: ${ids[(k * 2) % ids.length]}`,
      `    date: ${iso(requested + 20 + (k % 4))}`,
      `    summary: ${block('Supports an SCR. Asks that the scope includes the earlier contact and the information held in the previous board area about the older sibling.', 6)}`,
    );
  }
  push('');

  push(
    'criteria:',
    '  abuseOrNeglect:',
    '    finding: suspected',
    `    evidence: ${block('Older rib fractures found on the skeletal survey with no account given. Police are investigating; mother and partner were arrested and released under investigation.', 6)}`,
    '  childDied:',
    `    finding: ${died ? 'yes' : 'no'}`,
    `    evidence: ${died ? `${pseudonym} died in hospital; the death is subject to a coroner's inquest.` : `${pseudonym} is alive and was discharged to foster care.`}`,
    '  seriousHarm:',
    '    # Recorded for completeness.',
    '    finding: yes',
    '    evidence: Head injury, with older fractures showing earlier harm.',
    '  concernsAboutWorkingTogether:',
    '    finding: yes',
    `    evidence: ${block('The earlier referral was not shared with health visiting; two domestic incidents were not notified to children\'s social care; the school\'s concern was not passed on.', 6)}`,
    '',
    'considerations:',
    `  usefulLearning: ${block('Likely learning on information sharing about non-mobile babies, on the police response to domestic incidents with a baby in the home, and on transfer of records between areas.', 4)}`,
    `  previousLearning: ${block('An earlier review made recommendations on sharing emergency department referrals with health visitors. This review should test whether those changes are working, not repeat them.', 4)}`,
    `  resources: ${block('The review budget allows one independent systems review this year. No other SCR is running, so capacity is available.', 4)}`,
    `  impactOnPractitioners: ${block('The health visitor and the duty social worker are distressed. Both agencies have arranged support. A systems approach will help practitioners take part without blame.', 4)}`,
    `  impactOnFamily: ${block('Mother and partner are under police investigation. The maternal grandmother cares for the older sibling. The family will be told of the review once the senior investigating officer agrees the timing.', 4)}`,
    '  parallelProcesses:',
    '    - type: criminal-investigation',
    '      status: Ongoing; mother and partner released under investigation.',
    ...(died ? ['    - type: inquest', '      status: Opened and adjourned pending the criminal investigation.'] : []),
    `  politicalAndMediaInterest: ${block('Local press reported the incident. The lead member for children has asked to be briefed. No national interest so far.', 4)}`,
    `  publicTrust: ${block('A timely, transparent review with a published report is the best response to public concern.', 4)}`,
    '',
    'learning:',
  );
  const learningRefs = options.learningFrom ?? [];
  for (let k = 0; k < 2 * scale; k++) {
    const ref = learningRefs[k] ?? `${place} multi-agency audit ${k + 1}, ${year - 1}`;
    push(`  - reference: ${ref}`, `    relevance: ${block('Same gap in sharing emergency department referrals with health visitors; the action plan was signed off as complete.', 6)}`);
  }
  push(
    '',
    'challenge:',
    '  - type: peer-chair',
    `    by: Independent Chair, ${BOARDS[(seed + 7) % BOARDS.length]}`,
    `    date: ${iso(decision - 4)}`,
    `    outcome: ${block('Agreed the criteria are met. Suggested a systems methodology and that agencies in the previous board areas be invited to contribute.', 6)}`,
    '',
    'decision:',
    `  date: ${iso(decision)}             # within the one-month limit`,
    `  by: Independent Chair, ${home}`,
    '  outcome: scr',
    '  criteriaMet: true',
    '  rationale: |',
    `    The statutory criteria are met: abuse is suspected and ${died ? `${pseudonym} has died` : `${pseudonym} has been seriously harmed and there is concern about how agencies worked together`}.`,
    '    The subgroup, the police, the hospital trust and children\'s social care all support',
    '    a review, and the peer chair agreed.',
    '    A systems review will let us see why the information held by several agencies did',
    '    not come together, and whether the changes made after earlier reviews are working.',
    '  nature:',
    `    methodology: ${pick(METHODS)}`,
    `    scope: ${block('Agency involvement with the child, the older sibling, mother and partner from the first recorded contact to the incident.', 6)}`,
    '    leadReviewer: independent',
    '  communicated:',
    '    - to: national-panel',
    `      date: ${iso(decision + 1)}`,
    '    - to: ofsted',
    `      date: ${iso(decision + 1)}`,
    '    - to: member-agencies',
    `      date: ${iso(decision + 2)}`,
    '',
  );
  return L.join('\n');
}

export interface DossierFile {
  /** Path relative to the dossier folder, '/'-separated. */
  path: string;
  text: string;
}

/** `count` typical case files (year folders, unique references, some cross-references) and a settings file. */
export function dossier(count: number, seed = 1000): DossierFile[] {
  const refs: string[] = [];
  for (let i = 0; i < count; i++) refs.push(`DSCB-${2014 + (i % 6)}-${String(i + 1).padStart(4, '0')}`);
  const files: DossierFile[] = [{
    path: 'scr.config.yaml',
    text: '# Settings for the benchmark dossier.\ndecisionLimit: 1 month\nnotificationLimit: 5 working days\nkeyAgencyTypes: [social-care, police, health]\n',
  }];
  for (let i = 0; i < count; i++) {
    // Every fifth case names an earlier case of the dossier as learning.
    const learningFrom = i % 5 === 4 ? [refs[i - 3]] : [];
    files.push({ path: `${2014 + (i % 6)}/${refs[i]}.scr.yaml`, text: caseFile({ seed: seed + i, reference: refs[i], learningFrom }) });
  }
  return files;
}

/** Lines of the free text that a reviewer types into, spread through the file. */
export function typingPlaces(text: string, count: number): number[] {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => (/^ {6,}[A-Z][a-z]/.test(l) && !/:\s/.test(l) ? i : -1)).filter((i) => i >= 0);
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(candidates[Math.floor(((k + 0.5) / count) * candidates.length)]);
  return out;
}
