import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Public, SignedIn, SignedInOrToken } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import { User, userLoader } from '../accounts/index.js';
import { Thread, readableThread } from '../discussions/index.js';
import { Resource, readableResources } from '../resources/index.js';
import { Space, readableSpace } from '../spaces/index.js';
import { Mitigation, Risk, RiskAssessment, RiskScoreChange } from './risks.entity.js';
import {
  AddMitigationInput,
  AddRiskInput,
  AssessmentIdInput,
  CreateRiskAssessmentInput,
  HeatmapCell,
  HeatmapKind,
  MitigationPayload,
  MitigationState,
  PublicRiskAssessment,
  RiskAssessmentFilter,
  RiskAssessmentPayload,
  RiskAssessmentViewerCan,
  RiskLevel,
  RiskPayload,
  RiskSummary,
  RiskSummaryFilter,
  SetMitigationStatusInput,
  UpdateRiskAssessmentInput,
  UpdateRiskInput,
} from './risks.inputs.js';
import {
  createAssessment,
  listAssessments,
  setAssessmentState,
  updateAssessment,
} from './assessments.service.js';
import { assessmentCsv, publicAssessment, riskSummary } from './summaries.service.js';
import { assessmentRights } from './risks.policy.js';
import { mitigationsOf, risksOf, scoreHistory } from './risks.reads.js';
import {
  addMitigation,
  addRisk,
  heatmapOf,
  levelOf,
  mitigationState,
  residualOf,
  setMitigationStatus,
  updateRisk,
} from './risks.service.js';

const RiskAssessmentConnection = ConnectionType(RiskAssessment, 'RiskAssessment');

@Resolver(() => RiskAssessment)
export class RiskAssessmentResolver {
  @Query(() => RiskAssessmentConnection, {
    description: 'Assessments the viewer may read, newest first.',
  })
  @SignedInOrToken('READ')
  riskAssessments(
    @Arg('filter', () => RiskAssessmentFilter, { nullable: true })
    filter: RiskAssessmentFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ) {
    return listAssessments(context, filter ?? undefined, page);
  }

  @Query(() => RiskAssessment, { nullable: true })
  @SignedInOrToken('READ')
  riskAssessment(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
  ): Promise<RiskAssessment | null> {
    return assessmentRights(context, id).then(
      ({ assessment }) => assessment,
      () => null,
    );
  }

  @Query(() => RiskSummary, {
    description:
      'Counts by level, sector and region, and a heatmap, over the assessments the viewer may read.',
  })
  @SignedInOrToken('READ')
  riskSummary(
    @Arg('filter', () => RiskSummaryFilter, { nullable: true })
    filter: RiskSummaryFilter | undefined,
    @Ctx() context: Context,
  ) {
    return riskSummary(context, filter ?? undefined);
  }

  @Query(() => PublicRiskAssessment, {
    nullable: true,
    description: 'The public summary of a published assessment, for anyone.',
  })
  @Public()
  publicRiskAssessment(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    return publicAssessment(context, id);
  }

  @Query(() => String, {
    description: 'Risks and mitigations as CSV, for members of the organisation.',
  })
  @SignedIn()
  riskAssessmentCsv(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<string> {
    return assessmentCsv(context, id);
  }

  @FieldResolver(() => [Risk], { description: 'Highest score first.' })
  async risks(@Root() assessment: RiskAssessment, @Ctx() context: Context): Promise<Risk[]> {
    return (await risksOf(context).load(assessment.id)) ?? [];
  }

  @FieldResolver(() => [HeatmapCell], { description: '25 cells, likelihood 5 → 1, impact 1 → 5.' })
  async heatmap(
    @Root() assessment: RiskAssessment,
    @Arg('kind', () => HeatmapKind, { defaultValue: HeatmapKind.INHERENT }) kind: HeatmapKind,
    @Ctx() context: Context,
  ): Promise<HeatmapCell[]> {
    const list = (await risksOf(context).load(assessment.id)) ?? [];
    return heatmapOf(list.map((risk) => (kind === HeatmapKind.RESIDUAL ? residualOf(risk) : risk)));
  }

  @FieldResolver(() => Space, {
    nullable: true,
    description: 'The space it was recorded in, with its organisation (null if unreadable).',
  })
  space(@Root() assessment: RiskAssessment, @Ctx() context: Context): Promise<Space | null> {
    return readableSpace(context, assessment.spaceId).catch(() => null);
  }

  @FieldResolver(() => RiskAssessmentViewerCan)
  async viewerCan(
    @Root() assessment: RiskAssessment,
    @Ctx() context: Context,
  ): Promise<RiskAssessmentViewerCan> {
    const rights = await assessmentRights(context, assessment.id).catch(() => null);
    return { edit: !!rights?.edit, manage: !!rights?.manage };
  }

  @Mutation(() => RiskAssessmentPayload, {
    description: 'A draft assessment in a space (members of its organisation).',
  })
  @SignedIn()
  async createRiskAssessment(
    @Arg('input') input: CreateRiskAssessmentInput,
    @Ctx() context: Context,
  ) {
    return { assessment: await createAssessment(context, input) };
  }

  @Mutation(() => RiskAssessmentPayload)
  @SignedIn()
  async updateRiskAssessment(
    @Arg('input') input: UpdateRiskAssessmentInput,
    @Ctx() context: Context,
  ) {
    return { assessment: await updateAssessment(context, input) };
  }

  @Mutation(() => RiskAssessmentPayload, {
    description: 'Admins: closes the assessment for changes.',
  })
  @SignedIn()
  async archiveRiskAssessment(@Arg('input') input: AssessmentIdInput, @Ctx() context: Context) {
    return { assessment: await setAssessmentState(context, input.id, 'archive') };
  }

  @Mutation(() => RiskAssessmentPayload, {
    description: 'Admins: publishes the public summary (titles, levels, heatmap, progress).',
  })
  @SignedIn()
  async publishRiskAssessment(@Arg('input') input: AssessmentIdInput, @Ctx() context: Context) {
    return { assessment: await setAssessmentState(context, input.id, 'publish') };
  }

  @Mutation(() => RiskAssessmentPayload)
  @SignedIn()
  async unpublishRiskAssessment(@Arg('input') input: AssessmentIdInput, @Ctx() context: Context) {
    return { assessment: await setAssessmentState(context, input.id, 'unpublish') };
  }

  @Mutation(() => RiskPayload, { description: 'Adds a risk scored 1–5 for likelihood and impact.' })
  @SignedIn()
  async addRisk(@Arg('input') input: AddRiskInput, @Ctx() context: Context) {
    return { risk: await addRisk(context, input) };
  }

  @Mutation(() => RiskPayload, {
    description: 'Changes a risk; every change of score is kept in its history.',
  })
  @SignedIn()
  async updateRisk(@Arg('input') input: UpdateRiskInput, @Ctx() context: Context) {
    return { risk: await updateRisk(context, input) };
  }

  @Mutation(() => MitigationPayload)
  @SignedIn()
  async addMitigation(@Arg('input') input: AddMitigationInput, @Ctx() context: Context) {
    return { mitigation: await addMitigation(context, input) };
  }

  @Mutation(() => MitigationPayload)
  @SignedIn()
  async setMitigationStatus(
    @Arg('input') input: SetMitigationStatusInput,
    @Ctx() context: Context,
  ) {
    return { mitigation: await setMitigationStatus(context, input.id, input.status) };
  }
}

@Resolver(() => Risk)
export class RiskResolver {
  @FieldResolver(() => Int, { description: 'likelihood × impact.' })
  score(@Root() risk: Risk): number {
    return risk.likelihood * risk.impact;
  }

  @FieldResolver(() => RiskLevel)
  level(@Root() risk: Risk): RiskLevel {
    return levelOf(risk.likelihood, risk.impact);
  }

  @FieldResolver(() => Int, {
    description: 'After treatment (the inherent score while untreated).',
  })
  residualScore(@Root() risk: Risk): number {
    const residual = residualOf(risk);
    return residual.likelihood * residual.impact;
  }

  @FieldResolver(() => RiskLevel)
  residualLevel(@Root() risk: Risk): RiskLevel {
    const residual = residualOf(risk);
    return levelOf(residual.likelihood, residual.impact);
  }

  @FieldResolver(() => [Mitigation])
  async mitigations(@Root() risk: Risk, @Ctx() context: Context): Promise<Mitigation[]> {
    return (await mitigationsOf(context).load(risk.id)) ?? [];
  }

  @FieldResolver(() => [RiskScoreChange], { description: 'Every score it had, oldest first.' })
  history(@Root() risk: Risk, @Ctx() context: Context): Promise<RiskScoreChange[]> {
    return scoreHistory(context, risk);
  }

  @FieldResolver(() => [Thread], { description: 'Evidence threads the viewer may read.' })
  async evidenceThreads(@Root() risk: Risk, @Ctx() context: Context): Promise<Thread[]> {
    const threads = await Promise.all(
      risk.evidenceThreadIds.map((id) =>
        readableThread(context, id).then(
          (access) => access.thread,
          () => null,
        ),
      ),
    );
    return threads.filter((thread): thread is Thread => thread !== null);
  }

  @FieldResolver(() => [ID])
  evidenceResourceIds(@Root() risk: Risk): string[] {
    return risk.evidenceResourceIds;
  }

  @FieldResolver(() => [Resource], { description: 'Evidence resources the viewer may read.' })
  async evidenceResources(@Root() risk: Risk, @Ctx() context: Context): Promise<Resource[]> {
    const found = await readableResources(context, risk.evidenceResourceIds);
    return found.filter((resource): resource is Resource => resource !== null);
  }
}

@Resolver(() => Mitigation)
export class MitigationResolver {
  @FieldResolver(() => MitigationState)
  status(@Root() mitigation: Mitigation): MitigationState {
    return mitigationState(mitigation);
  }

  @FieldResolver(() => User, { nullable: true })
  owner(@Root() mitigation: Mitigation, @Ctx() context: Context): Promise<User | null> {
    return mitigation.ownerUserId
      ? userLoader(context).load(mitigation.ownerUserId)
      : Promise.resolve(null);
  }
}

@Resolver(() => RiskScoreChange)
export class RiskScoreChangeResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who set this score.' })
  changedBy(@Root() change: RiskScoreChange, @Ctx() context: Context): Promise<User | null> {
    return change.changedBy ? userLoader(context).load(change.changedBy) : Promise.resolve(null);
  }
}
