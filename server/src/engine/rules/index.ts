/** Every rule, in one explicit list: the order findings are computed in and rules are documented in. */
import { yamlSyntax } from './yaml-syntax';
import { schema } from './schema';
import { invalidDate } from './invalid-date';
import { dateOrder } from './date-order';
import { unknownAgency } from './unknown-agency';
import { duplicateId } from './duplicate-id';
import { agencyContact } from './agency-contact';
import { contextGathered } from './context-gathered';
import { minimumDataRequested } from './minimum-data-requested';
import { minimumDataOutstanding } from './minimum-data-outstanding';
import { keyAgencyMissing } from './key-agency-missing';
import { neighbouringCheck } from './neighbouring-check';
import { neighbouringCheckOutstanding } from './neighbouring-check-outstanding';
import { addressHistory } from './address-history';
import { interAgencyDiscussion } from './inter-agency-discussion';
import { unexplainedDelay } from './unexplained-delay';
import { notificationTimeliness } from './notification-timeliness';
import { independentChallenge } from './independent-challenge';
import { criteriaEvidence } from './criteria-evidence';
import { criteriaIncomplete } from './criteria-incomplete';
import { criteriaConsistency } from './criteria-consistency';
import { leadBoard } from './lead-board';
import { decisionRationale } from './decision-rationale';
import { reviewNature } from './review-nature';
import { localLearning } from './local-learning';
import { memberAgencyInput } from './member-agency-input';
import { considerationsWeighed } from './considerations-weighed';
import { decisionCommunicated } from './decision-communicated';
import { toComplete } from './to-complete';
import { commentInText } from './comment-in-text';
import { personalData } from './personal-data';
import { textDirection } from './text-direction';
import type { Rule, RuleMeta } from '../rule';

/** The waiver rules are applied by the analyser itself, after every other rule. */
export const WAIVER_REASON: RuleMeta = {
  id: 'waiver-reason',
  title: 'Waivers give their reason',
  description: 'A `# scr-waive` comment with no reason after the colon.',
  severity: 'warning',
  questions: [],
  fixable: true,
  group: 'waivers',
};

export const WAIVER_UNUSED: RuleMeta = {
  id: 'waiver-unused',
  title: 'Waivers still waive something',
  description: 'A `# scr-waive` comment that suppresses nothing: stale after an edit, or naming a rule that does not exist.',
  severity: 'info',
  questions: [],
  fixable: true,
  group: 'waivers',
};

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  invalidDate,
  dateOrder,
  unknownAgency,
  duplicateId,
  commentInText,
  textDirection,
  agencyContact,
  contextGathered,
  minimumDataRequested,
  minimumDataOutstanding,
  keyAgencyMissing,
  neighbouringCheck,
  neighbouringCheckOutstanding,
  addressHistory,
  interAgencyDiscussion,
  unexplainedDelay,
  notificationTimeliness,
  independentChallenge,
  criteriaEvidence,
  criteriaIncomplete,
  criteriaConsistency,
  leadBoard,
  decisionRationale,
  reviewNature,
  localLearning,
  memberAgencyInput,
  considerationsWeighed,
  decisionCommunicated,
  toComplete,
  personalData,
];

/** Every rule's description, the waiver rules included: for documentation, settings and SARIF. */
export const ALL_RULES: readonly RuleMeta[] = [...RULES, WAIVER_REASON, WAIVER_UNUSED];

export const RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(ALL_RULES.map((r) => [r.id, r]));
