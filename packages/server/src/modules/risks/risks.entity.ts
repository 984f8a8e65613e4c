import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { InSpace } from '../../platform/database/in-space.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RiskSector {
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  CONSTRUCTION = 'CONSTRUCTION',
  LAND = 'LAND',
  PROCUREMENT = 'PROCUREMENT',
  SOCIAL_BENEFITS = 'SOCIAL_BENEFITS',
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
  OTHER = 'OTHER',
}
export enum AssessmentStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
export enum MitigationStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(RiskSector, { name: 'RiskSector' });
registerEnumType(AssessmentStatus, { name: 'AssessmentStatus' });
registerEnumType(MitigationStatus, { name: 'MitigationStatus' });

@Entity({ tableName: 'risk_assessment' })
@ObjectType('RiskAssessment', {
  simpleResolvers: true,
  description: 'An analysis of corruption risks in one public body or sector.',
})
export class RiskAssessment extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'text' })
  @Field()
  title!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The body or sector assessed, e.g. "District akimat: land allocation".' })
  subject!: string;

  @Enum({ items: () => RiskSector, nativeEnumName: 'risk_sector' })
  @Field(() => RiskSector)
  sector!: RiskSector;

  @Property({ type: 'text' })
  @Field(() => String)
  region: string & Opt = '';

  @Property({ type: 'text' })
  @Field(() => String, { description: 'E.g. "2026".' })
  period: string & Opt = '';

  @Property({ type: 'text' })
  @Field(() => String)
  methodology: string & Opt = '';

  @Enum({ items: () => AssessmentStatus, nativeEnumName: 'assessment_status' })
  @Field(() => AssessmentStatus)
  status!: AssessmentStatus;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Set while its public summary is published.' })
  publishedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'risk' })
@ObjectType('Risk', {
  simpleResolvers: true,
  description: 'One corruption risk, scored 1–5 for likelihood and impact.',
})
export class Risk extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  assessmentId!: string;

  @Property({ type: 'text' })
  @Field()
  title!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  description: string & Opt = '';

  @Property({ type: 'text' })
  @Field(() => String, { description: 'The process at risk, e.g. "allocation of land plots".' })
  process: string & Opt = '';

  @Property({ type: 'text' })
  @Field(() => String, { description: 'How the corrupt scheme works.' })
  scheme: string & Opt = '';

  @Property({ type: 'smallint' })
  @Field(() => Int)
  likelihood!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int)
  impact!: number;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Likelihood after treatment.' })
  residualLikelihood?: number | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Impact after treatment.' })
  residualImpact?: number | null;

  @Property({ type: ArrayType })
  @Field(() => [String])
  indicators: string[] & Opt = [];

  @Property({ type: ArrayType })
  evidenceThreadIds: string[] & Opt = [];

  @Property({ type: ArrayType })
  evidenceResourceIds: string[] & Opt = [];

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'risk_score_change' })
@ObjectType('RiskScoreChange', {
  simpleResolvers: true,
  description: 'A score a risk had: who set it and when.',
})
export class RiskScoreChange extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  riskId!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int)
  likelihood!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int)
  impact!: number;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true })
  residualLikelihood?: number | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true })
  residualImpact?: number | null;

  @Property({ type: 'uuid', nullable: true })
  changedBy?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();
}

@Entity({ tableName: 'mitigation' })
@ObjectType('Mitigation', { simpleResolvers: true, description: 'An action that treats a risk.' })
export class Mitigation extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  riskId!: string;

  @Property({ type: 'text' })
  @Field()
  action!: string;

  @Property({ type: 'uuid', nullable: true })
  ownerUserId?: string | null;

  /** A calendar date (YYYY-MM-DD). */
  @Property({ type: 'date' })
  @Field({ description: 'YYYY-MM-DD.' })
  dueDate!: string;

  @Enum({ items: () => MitigationStatus, nativeEnumName: 'mitigation_status' })
  status!: MitigationStatus;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  completedAt?: Date | null;
}
