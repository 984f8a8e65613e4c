/** The risks feature's public face: the only file other features import from risk assessments. */
export {
  AssessmentStatus,
  Mitigation,
  Risk,
  RiskAssessment,
  RiskScoreChange,
} from './risks.entity.js';
export { assessmentLoader, mitigationsOf, risksOf } from './risks.reads.js';
export { assessmentRights, type AssessmentRights } from './risks.policy.js';
export { levelOf } from './risks.service.js';
