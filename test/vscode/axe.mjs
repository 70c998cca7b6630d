// axe-core's automated accessibility checks (WCAG 2.0, 2.1 and 2.2, A and AA, and its best
// practices), run in a Playwright page. Put in through the browser's debugging protocol, which a
// page's Content Security Policy does not govern, so the page's own policy stays as it is.
// Automated checks find only part of the problems: the page tests check the rest by hand.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every violation axe finds on the page, as `rule (impact): where` lines. */
export async function axeViolations(page, { impacts = ['serious', 'critical'] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), TAGS);
  return result.violations
    .filter((v) => impacts.includes(v.impact))
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}
