import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyseText } from '../../server/src/engine/analyse';
import { applyEdits } from '../../server/src/engine/fixes';
import {
  findBirthDates, findEmails, findIdentifiers, findNhsNumbers, findNiNumbers, findPhoneNumbers, findPostcodes,
  nhsCheckDigitValid, type IdentifierMatch,
} from '../../server/src/engine/privacy';

/** The matched texts, for short assertions. */
const texts = (ms: IdentifierMatch[]) => ms.map((m) => m.text);

/** Text that identifies no one and must not be reported by any detector. */
const ORDINARY = [
  'Case NSCB-2016-07 was referred on 2016-01-14 and decided on 2016-02-10.',
  'Northshire Hospitals NHS Trust; Northshire Children’s Social Care; Westshire LSCB.',
  'Attendance 88 per cent. 107 decisions, 80% agreed. Budget £120000 for 2016/17.',
  'QM2 question 4; WT2015 chapter 4, paragraphs 18–20; section 47 enquiry; Child T, aged 4 years.',
  'Seen at 9PM and again at 10AM. Route M1 then A1 north. Room B2.',
  'Birth and routine postnatal care. Normal birth at term on the ward.',
  'Crime reference 1234567890 recorded.',
  'Incident on 2016-03-01; the review covers 2012 to 2016.',
  'See https://example.org/reviews and the @ sign alone.',
];

describe('privacy detectors', () => {
  it('find nothing in ordinary case-file text', () => {
    for (const t of ORDINARY) assert.deepEqual(texts(findIdentifiers(t)), [], t);
  });

  describe('NHS numbers', () => {
    it('check the modulus 11 check digit', () => {
      assert.ok(nhsCheckDigitValid('9434765919'));
      assert.ok(nhsCheckDigitValid('943 476 5919'));
      assert.ok(nhsCheckDigitValid('4010232137'));
      assert.ok(!nhsCheckDigitValid('9434765918'));
      assert.ok(!nhsCheckDigitValid('1234567890')); // the check digit would be 10: no valid number
      assert.ok(!nhsCheckDigitValid('943476591'));
    });
    it('find ten digits that pass, together or spaced 3-3-4', () => {
      assert.deepEqual(texts(findNhsNumbers('NHS number 943 476 5919 on the referral.')), ['943 476 5919']);
      assert.deepEqual(texts(findNhsNumbers('NHS no. 9434765919.')), ['9434765919']);
      assert.deepEqual(texts(findNhsNumbers('ref 401-023-2137')), ['401-023-2137']);
    });
    it('leave ten digits that fail the check, longer numbers and one digit repeated', () => {
      assert.deepEqual(findNhsNumbers('NHS number 943 476 5918'), []);
      assert.deepEqual(findNhsNumbers('1234567890'), []);
      assert.deepEqual(findNhsNumbers('94347659190'), []);
      assert.deepEqual(findNhsNumbers('1111111111'), []);
      assert.deepEqual(findNhsNumbers('12 943 476 5919'), []);
    });
  });

  describe('National Insurance numbers', () => {
    it('find two valid prefix letters, six digits and a suffix A to D', () => {
      assert.deepEqual(texts(findNiNumbers('Mother’s NI number AB123456C.')), ['AB123456C']);
      assert.deepEqual(texts(findNiNumbers('NINO: JG 10 37 95 A')), ['JG 10 37 95 A']);
    });
    it('leave prefixes never issued, bad letters, a suffix past D and references', () => {
      assert.deepEqual(findNiNumbers('QQ123456C'), []); // Q is never a first letter (the example number)
      assert.deepEqual(findNiNumbers('DA123456A'), []);
      assert.deepEqual(findNiNumbers('AO123456A'), []);
      assert.deepEqual(findNiNumbers('GB123456A'), []);
      assert.deepEqual(findNiNumbers('AB123456E'), []);
      assert.deepEqual(findNiNumbers('NS123456'), []);
      assert.deepEqual(findNiNumbers('ab123456c'), []);
    });
  });

  describe('postcodes', () => {
    it('find full postcodes of every shape', () => {
      assert.deepEqual(texts(findPostcodes('Lived at SW1A 1AA, then M1 1AE and B33 8TH.')), ['SW1A 1AA', 'M1 1AE', 'B33 8TH']);
      assert.deepEqual(texts(findPostcodes('CR2 6XH; DN55 1PT; W1A 0AX; EC1A1BB')), ['CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A1BB']);
    });
    it('leave districts alone, times, invalid letters and case references', () => {
      assert.deepEqual(findPostcodes('The M1 and the A1'), []);
      assert.deepEqual(findPostcodes('at 9PM'), []);
      assert.deepEqual(findPostcodes('QM2 3AB'), []); // Q never starts a postcode
      assert.deepEqual(findPostcodes('SW1A 1CA'), []); // C never stands in the inward code
      assert.deepEqual(findPostcodes('NSCB-2016-07'), []);
    });
  });

  describe('email addresses', () => {
    it('find addresses', () => {
      assert.deepEqual(texts(findEmails('Write to jo.bloggs@example.org.uk.')), ['jo.bloggs@example.org.uk']);
      assert.deepEqual(texts(findEmails('(duty+scr@northshire.gov.uk)')), ['duty+scr@northshire.gov.uk']);
    });
    it('leave text with an @ that is not an address', () => {
      assert.deepEqual(findEmails('meet @ 10, cost @£5'), []);
      assert.deepEqual(findEmails('user@localhost'), []);
    });
  });

  describe('phone numbers', () => {
    it('find mobile, landline and international forms', () => {
      assert.deepEqual(texts(findPhoneNumbers('Mobile 07700 900123, call before visits.')), ['07700 900123']);
      assert.deepEqual(texts(findPhoneNumbers('Office 0161 496 0000 or 020 7946 0000')), ['0161 496 0000', '020 7946 0000']);
      assert.deepEqual(texts(findPhoneNumbers('tel:07700900123')), ['07700900123']);
      assert.deepEqual(texts(findPhoneNumbers('+44 7700 900123 and +44 (0)161 496 0000')), ['+44 7700 900123', '+44 (0)161 496 0000']);
      assert.deepEqual(texts(findPhoneNumbers('(0161) 496 0000')), ['(0161) 496 0000']);
      assert.deepEqual(texts(findPhoneNumbers('01632 960001')), ['01632 960001']);
    });
    it('leave dates, references, short and over-long numbers', () => {
      assert.deepEqual(findPhoneNumbers('2016-07-14 and NSCB-2016-07'), []);
      assert.deepEqual(findPhoneNumbers('01/02/2016'), []);
      assert.deepEqual(findPhoneNumbers('0161'), []);
      assert.deepEqual(findPhoneNumbers('07700 900'), []);
      assert.deepEqual(findPhoneNumbers('077009001234567'), []);
      assert.deepEqual(findPhoneNumbers('00000000000'), []);
      assert.deepEqual(findPhoneNumbers('0 1 2 3 4 5 6 7 8 9 1'), []);
    });
  });

  describe('birth dates', () => {
    it('find a date labelled as a birth date, the date alone', () => {
      assert.deepEqual(texts(findBirthDates('Child T, DOB 03/04/2012, lives with mother.')), ['03/04/2012']);
      assert.deepEqual(texts(findBirthDates('born on 2012-04-03')), ['2012-04-03']);
      assert.deepEqual(texts(findBirthDates('Date of birth: 3rd April 2012')), ['3rd April 2012']);
      assert.deepEqual(texts(findBirthDates('(D.O.B. 3.4.12)')), ['3.4.12']);
      assert.deepEqual(texts(findBirthDates('Mother was born April 3, 1990.')), ['April 3, 1990']);
    });
    it('leave dates with no birth label, and labels with no full date', () => {
      assert.deepEqual(findBirthDates('Referred on 03/04/2012.'), []);
      assert.deepEqual(findBirthDates('2012-04-03'), []);
      assert.deepEqual(findBirthDates('born in 2012'), []);
      assert.deepEqual(findBirthDates('Normal birth at term on 2016-02-01'), []);
      assert.deepEqual(findBirthDates('reborn 2012-04-03'), []);
    });
  });

  it('keeps one match where detectors overlap, by position', () => {
    const found = findIdentifiers('Email a@b.com, NHS 943 476 5919, mobile 07700 900123, DOB 03/04/2012, SW1A 1AA, AB123456C.');
    assert.deepEqual(found.map((m) => m.kind), ['email', 'nhs-number', 'phone', 'birth-date', 'postcode', 'ni-number']);
    for (let i = 1; i < found.length; i++) assert.ok(found[i].start >= found[i - 1].end);
  });
});

describe('the personal-data rule', () => {
  const findings = (text: string) => analyseText(text).findings.filter((f) => f.rule === 'personal-data');
  const spanText = (text: string) => findings(text).map((f) => text.slice(f.span.start, f.span.end));

  it('points at the identifier inside plain, quoted and block text, and at keys', () => {
    const text = [
      'a: Mobile 07700 900461 then 07700 900461 again',
      "b: 'NI AB123456C'",
      'c: |',
      '  line one',
      '  NHS 943 476 5919',
      'd:',
      '  jo@example.org: a key',
      '',
    ].join('\n');
    assert.deepEqual(spanText(text), ['07700 900461', '07700 900461', 'AB123456C', '943 476 5919', 'jo@example.org']);
    const [first, second] = findings(text);
    assert.ok(second.span.start > first.span.end, 'the second occurrence is found as itself');
  });

  it('says, for each kind of identifier, what of the same shape would be no one’s', () => {
    const text = ['a: Mobile 07700 900461', 'b: NHS 943 476 5919', 'c: NE99 1AB', 'd: jo@example.org', ''].join('\n');
    const examples = findings(text).map((f) => /for example ([^)]*)\)/.exec(f.message)?.[1]);
    assert.deepEqual(examples, ['an office’s switchboard number', 'a reference number of a document or a system', 'the postcode of an office or a hospital', 'a team’s or an office’s shared address']);
  });

  it('follows an identifier folded across two lines', () => {
    const text = 'a: >\n  postcode NE99\n  1AB here\nb: x\n';
    const [f] = findings(text);
    assert.equal(text.slice(f.span.start, f.span.end), 'NE99\n  1AB');
    assert.equal(applyEdits(text, f.fixes[0].edits), 'a: >\n  postcode [redacted] here\nb: x\n');
  });

  it('falls back to the first line, with no fix, where the text cannot be found as written', () => {
    const text = 'a: "Mobile 07700\\u0020900464"\n';
    const [f] = findings(text);
    assert.equal(text.slice(f.span.start, f.span.end), '"Mobile 07700\\u0020900464"');
    assert.deepEqual(f.fixes, []);
  });

  it('quotes the text where [redacted] would otherwise start a list', () => {
    const text = 'a: 07700 900461 is the number\nb: [x, call 07700 900462]\nc: 9434765919\n';
    const edits = findings(text).map((f) => f.fixes[0].edits[0]);
    assert.equal(applyEdits(text, edits), 'a: "[redacted] is the number"\nb: [x, "call [redacted]"]\nc: "[redacted]"\n');
  });

  it('reads text that is not a mapping, and no comments', () => {
    assert.deepEqual(spanText('just 07700 900461\n'), ['07700 900461']);
    assert.deepEqual(spanText('a: x # 07700 900461\n'), []);
  });
});
