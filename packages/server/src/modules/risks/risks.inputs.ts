import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  ArrayMaxSize,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IdField } from '../../platform/graphql/validators.js';
import {
  AssessmentStatus,
  Mitigation,
  MitigationStatus,
  Risk,
  RiskAssessment,
  RiskSector,
} from './risks.entity.js';

export enum RiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description:
    'From the score (likelihood × impact): 1–4 LOW, 5–9 MEDIUM, 10–16 HIGH, 20–25 CRITICAL.',
});

export enum MitigationState {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(MitigationState, {
  name: 'MitigationState',
  description: 'OVERDUE: not done and past its due date.',
});

export enum HeatmapKind {
  INHERENT = 'INHERENT',
  RESIDUAL = 'RESIDUAL',
}
registerEnumType(HeatmapKind, {
  name: 'HeatmapKind',
  description: 'Before treatment, or after (residual; untreated risks keep their score).',
});

/** A 1–5 score on the 5×5 scale. */
function OneToFive(field: string): PropertyDecorator {
  return (target, property) => {
    Min(1, { message: `${field} is 1 to 5.` })(target, property);
    Max(5, { message: `${field} is 1 to 5.` })(target, property);
  };
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CreateRiskAssessmentInput {
  @IdField()
  spaceId!: string;

  @Field()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title!: string;

  @Field()
  @Length(1, 300, { message: 'Name the body or sector assessed (1 to 300 characters).' })
  subject!: string;

  @Field(() => RiskSector)
  sector!: RiskSector;

  @Field({ defaultValue: '' })
  @MaxLength(120)
  region!: string;

  @Field({ defaultValue: '' })
  @MaxLength(60)
  period!: string;

  @Field({ defaultValue: '' })
  @MaxLength(5000)
  methodology!: string;
}

@InputType()
export class UpdateRiskAssessmentInput {
  @IdField()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 300)
  subject?: string;

  @Field(() => RiskSector, { nullable: true })
  @IsOptional()
  sector?: RiskSector;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(120)
  region?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(60)
  period?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  methodology?: string;

  @Field(() => AssessmentStatus, {
    nullable: true,
    description: 'DRAFT or ACTIVE; archive with archiveRiskAssessment.',
  })
  @IsOptional()
  @IsIn([AssessmentStatus.DRAFT, AssessmentStatus.ACTIVE], {
    message: 'Use archiveRiskAssessment to archive.',
  })
  status?: AssessmentStatus;
}

@InputType()
export class AssessmentIdInput {
  @IdField()
  id!: string;
}

@InputType()
export class AddRiskInput {
  @IdField()
  assessmentId!: string;

  @Field()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title!: string;

  @Field({ defaultValue: '' })
  @MaxLength(10000)
  description!: string;

  @Field({ defaultValue: '' })
  @MaxLength(300)
  process!: string;

  @Field({ defaultValue: '' })
  @MaxLength(5000)
  scheme!: string;

  @Field(() => Int)
  @OneToFive('Likelihood')
  likelihood!: number;

  @Field(() => Int)
  @OneToFive('Impact')
  impact!: number;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @Length(1, 300, { each: true, message: 'An indicator has 1 to 300 characters.' })
  indicators!: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Resources that document the risk (the viewer must be able to read them).',
  })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'Not a valid id.' })
  evidenceResourceIds!: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Discussion threads that document the risk (readable by the viewer).',
  })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'Not a valid id.' })
  evidenceThreadIds!: string[];
}

@InputType()
export class UpdateRiskInput {
  @IdField()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300)
  process?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  scheme?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @OneToFive('Likelihood')
  likelihood?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @OneToFive('Impact')
  impact?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'After treatment; set together with residualImpact.',
  })
  @IsOptional()
  @OneToFive('Residual likelihood')
  residualLikelihood?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @OneToFive('Residual impact')
  residualImpact?: number;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  indicators?: string[];
}

@InputType()
export class AddMitigationInput {
  @IdField()
  riskId!: string;

  @Field()
  @Length(1, 1000, { message: 'Describe the action (1 to 1000 characters).' })
  action!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A member of the organisation responsible for it.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  ownerUserId?: string | null;

  @Field({ description: 'YYYY-MM-DD, today or later.' })
  @Matches(DATE, { message: 'Use a date like 2026-12-31.' })
  dueDate!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The risk's likelihood once the action is done: sets its residual score in the same change (with residualImpact).",
  })
  @IsOptional()
  @OneToFive('Residual likelihood')
  residualLikelihood?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @OneToFive('Residual impact')
  residualImpact?: number | null;
}

@InputType()
export class SetMitigationStatusInput {
  @IdField()
  id!: string;

  @Field(() => MitigationStatus)
  status!: MitigationStatus;
}

@InputType()
export class RiskAssessmentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => RiskSector, { nullable: true })
  @IsOptional()
  sector?: RiskSector;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(120)
  region?: string;

  @Field(() => AssessmentStatus, { nullable: true })
  @IsOptional()
  status?: AssessmentStatus;
}

@InputType()
export class RiskSummaryFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  networkId?: string;

  @Field(() => RiskSector, { nullable: true })
  @IsOptional()
  sector?: RiskSector;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(120)
  region?: string;
}

@ObjectType()
export class HeatmapCell {
  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;

  @Field(() => Int)
  count!: number;

  @Field(() => RiskLevel)
  level!: RiskLevel;
}

@ObjectType()
export class LevelCount {
  @Field(() => RiskLevel)
  level!: RiskLevel;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class GroupCount {
  @Field({ description: 'The sector or region.' })
  key!: string;

  @Field(() => Int)
  risks!: number;

  @Field(() => [LevelCount])
  byLevel!: LevelCount[];
}

@ObjectType()
export class RiskSummary {
  @Field(() => Int)
  assessments!: number;

  @Field(() => Int)
  risks!: number;

  @Field(() => [LevelCount])
  byLevel!: LevelCount[];

  @Field(() => [GroupCount])
  bySector!: GroupCount[];

  @Field(() => [GroupCount])
  byRegion!: GroupCount[];

  @Field(() => [HeatmapCell])
  heatmap!: HeatmapCell[];
}

@ObjectType()
export class MitigationProgress {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  overdue!: number;
}

@ObjectType({
  description:
    'What the public sees of a published assessment: no descriptions, schemes, evidence or owners.',
})
export class PublicRisk {
  @Field()
  title!: string;

  @Field(() => RiskLevel)
  level!: RiskLevel;

  @Field(() => RiskLevel)
  residualLevel!: RiskLevel;
}

@ObjectType('PublicRiskAssessment')
export class PublicRiskAssessment {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  subject!: string;

  @Field(() => RiskSector)
  sector!: RiskSector;

  @Field()
  region!: string;

  @Field()
  period!: string;

  @Field(() => Date)
  publishedAt!: Date;

  @Field(() => [PublicRisk])
  risks!: PublicRisk[];

  @Field(() => [HeatmapCell])
  heatmap!: HeatmapCell[];

  @Field(() => [HeatmapCell])
  residualHeatmap!: HeatmapCell[];

  @Field(() => MitigationProgress)
  mitigationProgress!: MitigationProgress;
}

@ObjectType()
export class RiskAssessmentPayload {
  @Field(() => RiskAssessment)
  assessment!: RiskAssessment;
}

@ObjectType()
export class RiskPayload {
  @Field(() => Risk)
  risk!: Risk;
}

@ObjectType()
export class MitigationPayload {
  @Field(() => Mitigation)
  mitigation!: Mitigation;
}

@ObjectType()
export class RiskAssessmentViewerCan {
  @Field({
    description:
      'Edit the assessment, add and rescore risks, track mitigations (members of its organisation).',
  })
  edit!: boolean;

  @Field({ description: 'Publish, unpublish and archive (admins).' })
  manage!: boolean;
}
