import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, code, reasons } from '../../test/harness.js';
import { addMember, createOrganisation, person, type Person } from '../../test/tenants.js';
import { Factories, SpaceVisibility, type Someone } from '../../test/factories.js';
import { acceptNetworkInvitation, inviteOrganisation } from '../networks/networks.service.js';
import { createAssessment, updateAssessment } from './assessments.service.js';
import { AssessmentStatus, RiskSector } from './risks.entity.js';
import { addRisk, heatmapOf, levelOf } from './risks.service.js';
import { riskSummary } from './summaries.service.js';

let server: TestServer;
let analyst: Person; // OWNER of the project office
let colleague: Person; // MEMBER
let outsider: Person;
let organisationId: string;
let spaceId: string;

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ADD_RISK = `mutation($input: AddRiskInput!) { addRisk(input: $input) { risk { id score level } } }`;
const HEATMAP = `query($id: ID!, $k: HeatmapKind) { riskAssessment(id: $id) { heatmap(kind: $k) { likelihood impact count } } }`;

async function assessment(title = 'District akimat: land allocation, 2026') {
  return (
    await analyst.client.ok(
      `mutation($input: CreateRiskAssessmentInput!) { createRiskAssessment(input: $input) { assessment { id status } } }`,
      {
        input: {
          spaceId,
          title,
          subject: 'District akimat',
          sector: 'LAND',
          region: 'Almaty region',
          period: '2026',
        },
      },
    )
  ).createRiskAssessment.assessment.id as string;
}

const cell = (
  cells: Array<{ likelihood: number; impact: number; count: number }>,
  likelihood: number,
  impact: number,
) => cells.find((c) => c.likelihood === likelihood && c.impact === impact)?.count;

beforeAll(async () => {
  server = await startTestServer();
  analyst = await person(server, 'Risk Analyst');
  colleague = await person(server, 'Colleague');
  outsider = await person(server, 'Outsider');
  organisationId = (await createOrganisation(analyst, 'ProjectOffice')).id;
  await addMember(server, analyst, organisationId, colleague);
  await createOrganisation(outsider, 'Elsewhere');
  spaceId = (
    await analyst.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Risk analysis" }) { space { id } } }`,
      { id: organisationId },
    )
  ).createSpace.space.id;
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('the 5×5 scoring rule', () => {
  it('derives levels from likelihood × impact', () => {
    expect(levelOf(1, 4)).toBe('LOW');
    expect(levelOf(1, 5)).toBe('MEDIUM');
    expect(levelOf(3, 3)).toBe('MEDIUM');
    expect(levelOf(2, 5)).toBe('HIGH');
    expect(levelOf(4, 4)).toBe('HIGH');
    expect(levelOf(4, 5)).toBe('CRITICAL');
    expect(heatmapOf([])).toHaveLength(25);
  });
});

describe('risk assessments', () => {
  it('records five risks into the right heatmap cells; a mitigation lowers the residual score and the residual heatmap moves', async () => {
    const id = await assessment();
    const scores = [
      [5, 5],
      [4, 5],
      [4, 5],
      [2, 3],
      [1, 1],
    ] as const;
    const riskIds: string[] = [];
    for (const [index, [likelihood, impact]] of scores.entries()) {
      const risk = (
        await colleague.client.ok(ADD_RISK, {
          input: { assessmentId: id, title: `Risk ${index}`, likelihood, impact },
        })
      ).addRisk.risk;
      expect(risk.score).toBe(likelihood * impact);
      riskIds.push(risk.id);
    }
    const inherent = (await colleague.client.ok(HEATMAP, { id })).riskAssessment.heatmap;
    expect(cell(inherent, 5, 5)).toBe(1);
    expect(cell(inherent, 4, 5)).toBe(2);
    expect(cell(inherent, 2, 3)).toBe(1);
    expect(cell(inherent, 1, 1)).toBe(1);
    expect(inherent.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(5);

    const mitigation = await colleague.client.ok(
      `mutation($input: AddMitigationInput!) { addMitigation(input: $input) { mitigation { id status owner { id } } } }`,
      {
        input: {
          riskId: riskIds[0],
          action: 'Auctions for every plot, published online',
          ownerUserId: colleague.id,
          dueDate: inDays(30),
        },
      },
    );
    expect(mitigation.addMitigation.mitigation).toMatchObject({
      status: 'PLANNED',
      owner: { id: colleague.id },
    });
    const rescored = await colleague.client.ok(
      `mutation($input: UpdateRiskInput!) { updateRisk(input: $input) { risk { residualScore residualLevel history { likelihood residualLikelihood changedBy { id } } } } }`,
      {
        input: { id: riskIds[0], residualLikelihood: 2, residualImpact: 5 },
      },
    );
    expect(rescored.updateRisk.risk).toMatchObject({ residualScore: 10, residualLevel: 'HIGH' });
    expect(rescored.updateRisk.risk.history).toHaveLength(2);
    expect(rescored.updateRisk.risk.history[1]).toMatchObject({
      residualLikelihood: 2,
      changedBy: { id: colleague.id },
    });

    const residual = (await colleague.client.ok(HEATMAP, { id, k: 'RESIDUAL' })).riskAssessment
      .heatmap;
    expect(cell(residual, 5, 5)).toBe(0);
    expect(cell(residual, 2, 5)).toBe(1);
    expect(cell((await colleague.client.ok(HEATMAP, { id })).riskAssessment.heatmap, 5, 5)).toBe(1);

    const list = await colleague.client.ok(
      `query($id: ID!) { riskAssessment(id: $id) { space { id organisation { id } } risks { title score } } }`,
      { id },
    );
    expect(list.riskAssessment.space).toEqual({
      id: spaceId,
      organisation: { id: organisationId },
    });
    expect(list.riskAssessment.risks.map((r: { score: number }) => r.score)).toEqual([
      25, 20, 20, 6, 1,
    ]);
  });

  it('refuses bad input and writes nothing', async () => {
    const id = await assessment('Bad input');
    expect(
      reasons(
        await colleague.client.request(ADD_RISK, {
          input: { assessmentId: id, title: 'X', likelihood: 6, impact: 3 },
        }),
      ),
    ).toContain('likelihood:INVALID');
    expect(
      reasons(
        await colleague.client.request(ADD_RISK, {
          input: { assessmentId: id, title: 'X', likelihood: 3, impact: 0 },
        }),
      ),
    ).toContain('impact:INVALID');
    const otherSpace = (
      await outsider.client.ok(
        `query { viewer { memberships { edges { node { organisation { id } } } } } }`,
      )
    ).viewer.memberships.edges[0].node.organisation.id;
    const foreignSpace = (
      await outsider.client.ok(
        `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Theirs" }) { space { id } } }`,
        { id: otherSpace },
      )
    ).createSpace.space.id;
    const foreignThread = (
      await outsider.client.ok(
        `mutation($s: ID!) { createThread(input: { spaceId: $s, title: "Private", body: "" }) { thread { id } } }`,
        { s: foreignSpace },
      )
    ).createThread.thread.id;
    expect(
      reasons(
        await colleague.client.request(ADD_RISK, {
          input: {
            assessmentId: id,
            title: 'X',
            likelihood: 3,
            impact: 3,
            evidenceThreadIds: [foreignThread],
          },
        }),
      ),
    ).toContain('evidenceThreadIds:EVIDENCE_NOT_FOUND');
    const foreignResource = (
      await outsider.client.ok(
        `mutation($s: ID!) { createResource(input: { spaceId: $s, title: "Their file", kind: DOCUMENT, language: EN }) { resource { id } } }`,
        { s: foreignSpace },
      )
    ).createResource.resource.id;
    expect(
      reasons(
        await colleague.client.request(ADD_RISK, {
          input: {
            assessmentId: id,
            title: 'X',
            likelihood: 3,
            impact: 3,
            evidenceResourceIds: [foreignResource],
          },
        }),
      ),
    ).toContain('evidenceResourceIds:EVIDENCE_NOT_FOUND');
    const ownResource = (
      await colleague.client.ok(
        `mutation($s: ID!) { createResource(input: { spaceId: $s, title: "Audit report", kind: STUDY, language: RU }) { resource { id } } }`,
        { s: spaceId },
      )
    ).createResource.resource.id;
    const kept = await colleague.client.ok(
      `mutation($input: AddRiskInput!) { addRisk(input: $input) { risk { id evidenceResources { id title } } } }`,
      {
        input: {
          assessmentId: id,
          title: 'Kept',
          likelihood: 3,
          impact: 3,
          evidenceResourceIds: [ownResource],
        },
      },
    );
    expect(kept.addRisk.risk.evidenceResources).toEqual([
      { id: ownResource, title: 'Audit report' },
    ]);
    const risk = kept.addRisk.risk.id;
    const addMitigation = (input: Record<string, unknown>) =>
      colleague.client.request(
        `mutation($input: AddMitigationInput!) { addMitigation(input: $input) { mitigation { id } } }`,
        {
          input: { riskId: risk, action: 'Do it', dueDate: inDays(10), ...input },
        },
      );
    expect(reasons(await addMitigation({ dueDate: inDays(-1) }))).toContain('dueDate:IN_THE_PAST');
    expect(reasons(await addMitigation({ dueDate: '2026-02-30' }))).toContain(
      'dueDate:INVALID_DATE',
    );
    expect(reasons(await addMitigation({ ownerUserId: outsider.id }))).toContain(
      'ownerUserId:OWNER_NOT_MEMBER',
    );
    // With a residual score the refusals hold too, and the score stays as it was.
    expect(
      reasons(
        await addMitigation({ dueDate: inDays(-1), residualLikelihood: 1, residualImpact: 1 }),
      ),
    ).toContain('dueDate:IN_THE_PAST');
    expect(
      reasons(
        await addMitigation({
          ownerUserId: outsider.id,
          residualLikelihood: 1,
          residualImpact: 1,
        }),
      ),
    ).toContain('ownerUserId:OWNER_NOT_MEMBER');
    expect(reasons(await addMitigation({ residualLikelihood: 2 }))).toContain(
      'residualImpact:RESIDUAL_PAIR',
    );
    expect(reasons(await addMitigation({ residualLikelihood: 6, residualImpact: 1 }))).toContain(
      'residualLikelihood:INVALID',
    );
    const db = new pg.Client({ connectionString: server.db.ownerUrl });
    await db.connect();
    const rows = await db.query(
      `select (select count(*) from risk where assessment_id = $1)::int as risks, (select count(*) from mitigation where risk_id = $2)::int as mitigations,
              (select count(*) from risk_score_change where risk_id = $2)::int as scores,
              (select residual_likelihood from risk where id = $2) as residual`,
      [id, risk],
    );
    await db.end();
    expect(rows.rows[0]).toEqual({ risks: 1, mitigations: 0, scores: 1, residual: null });
  });

  it('records an action and the residual score it is expected to leave as one change', async () => {
    const id = await assessment('Treated in one step');
    const risk = (
      await colleague.client.ok(ADD_RISK, {
        input: { assessmentId: id, title: 'Plots without auction', likelihood: 5, impact: 5 },
      })
    ).addRisk.risk.id;
    await colleague.client.ok(
      `mutation($input: AddMitigationInput!) { addMitigation(input: $input) { mitigation { id } } }`,
      {
        input: {
          riskId: risk,
          action: 'Auction every plot',
          dueDate: inDays(20),
          residualLikelihood: 2,
          residualImpact: 5,
        },
      },
    );
    const after = await colleague.client.ok(
      `query($id: ID!) { riskAssessment(id: $id) { risks { residualScore residualLevel mitigations { action } history { residualLikelihood residualImpact changedBy { id } } } } }`,
      { id },
    );
    const [treated] = after.riskAssessment.risks;
    expect(treated).toMatchObject({
      residualScore: 10,
      residualLevel: 'HIGH',
      mitigations: [{ action: 'Auction every plot' }],
    });
    expect(treated.history).toHaveLength(2);
    expect(treated.history[1]).toMatchObject({
      residualLikelihood: 2,
      residualImpact: 5,
      changedBy: { id: colleague.id },
    });
    const residual = (await colleague.client.ok(HEATMAP, { id, k: 'RESIDUAL' })).riskAssessment
      .heatmap;
    expect(cell(residual, 2, 5)).toBe(1);
    expect(cell(residual, 5, 5)).toBe(0);
  });

  it('marks mitigations overdue from their date', async () => {
    const id = await assessment('Overdue');
    const risk = (
      await colleague.client.ok(ADD_RISK, {
        input: { assessmentId: id, title: 'Late', likelihood: 2, impact: 2 },
      })
    ).addRisk.risk.id;
    const mitigation = (
      await colleague.client.ok(
        `mutation($input: AddMitigationInput!) { addMitigation(input: $input) { mitigation { id } } }`,
        {
          input: { riskId: risk, action: 'Train staff', dueDate: inDays(1) },
        },
      )
    ).addMitigation.mitigation.id;
    const db = new pg.Client({ connectionString: server.db.ownerUrl });
    await db.connect();
    await db.query(`update mitigation set due_date = current_date - 3 where id = $1`, [mitigation]);
    await db.end();
    const status = async () =>
      (
        await colleague.client.ok(
          `query($id: ID!) { riskAssessment(id: $id) { risks { mitigations { status } } } }`,
          { id },
        )
      ).riskAssessment.risks[0].mitigations[0].status;
    expect(await status()).toBe('OVERDUE');
    await colleague.client.ok(
      `mutation($id: ID!) { setMitigationStatus(input: { id: $id, status: DONE }) { mitigation { completedAt } } }`,
      { id: mitigation },
    );
    expect(await status()).toBe('DONE');
  });

  it('publishes exactly the public summary: no description, scheme, evidence or owner', async () => {
    const id = await assessment('Published register');
    const risk = (
      await colleague.client.ok(ADD_RISK, {
        input: {
          assessmentId: id,
          title: 'Kickbacks in school repairs',
          description: 'Names the contractor Qazaq-Build',
          scheme: 'Inflated estimates',
          likelihood: 4,
          impact: 4,
        },
      })
    ).addRisk.risk.id;
    await colleague.client.ok(
      `mutation($input: AddMitigationInput!) { addMitigation(input: $input) { mitigation { id } } }`,
      {
        input: {
          riskId: risk,
          action: 'Independent estimate review',
          ownerUserId: colleague.id,
          dueDate: inDays(20),
        },
      },
    );
    const anonymous = server.client();
    expect(
      (await anonymous.ok(`query($id: ID!) { publicRiskAssessment(id: $id) { id } }`, { id }))
        .publicRiskAssessment,
    ).toBeNull();
    expect(
      code(
        await colleague.client.request(
          `mutation($id: ID!) { publishRiskAssessment(input: { id: $id }) { assessment { id } } }`,
          { id },
        ),
      ),
    ).toBe('FORBIDDEN');
    await analyst.client.ok(
      `mutation($id: ID!) { publishRiskAssessment(input: { id: $id }) { assessment { publishedAt status } } }`,
      { id },
    );
    const summary = await anonymous.ok(
      `query($id: ID!) { publicRiskAssessment(id: $id) { title sector region risks { title level residualLevel } heatmap { likelihood impact count } mitigationProgress { total done overdue } } }`,
      { id },
    );
    expect(summary.publicRiskAssessment.risks).toEqual([
      { title: 'Kickbacks in school repairs', level: 'HIGH', residualLevel: 'HIGH' },
    ]);
    expect(cell(summary.publicRiskAssessment.heatmap, 4, 4)).toBe(1);
    expect(summary.publicRiskAssessment.mitigationProgress).toEqual({
      total: 1,
      done: 0,
      overdue: 0,
    });
    const text = JSON.stringify(summary);
    expect(text).not.toMatch(/Qazaq-Build|Inflated|Independent estimate|Colleague/);
    // The private register stays private to another organisation's member.
    expect(
      (await outsider.client.ok(`query($id: ID!) { riskAssessment(id: $id) { id } }`, { id }))
        .riskAssessment,
    ).toBeNull();
  });

  it('summarises across what the viewer may read, and exports CSV for members', async () => {
    const id = await assessment('Procurement 2026');
    await analyst.client.ok(
      `mutation($input: UpdateRiskAssessmentInput!) { updateRiskAssessment(input: $input) { assessment { id } } }`,
      {
        input: { id, sector: 'PROCUREMENT', status: 'ACTIVE' },
      },
    );
    await colleague.client.ok(ADD_RISK, {
      input: { assessmentId: id, title: '=HYPERLINK("x")', likelihood: 5, impact: 4 },
    });
    const summary = await colleague.client.ok(
      `query { riskSummary(filter: { sector: PROCUREMENT }) { assessments risks byLevel { level count } bySector { key risks } } }`,
    );
    expect(summary.riskSummary).toMatchObject({
      assessments: 1,
      risks: 1,
      bySector: [{ key: 'PROCUREMENT', risks: 1 }],
    });
    expect(
      summary.riskSummary.byLevel.find((l: { level: string }) => l.level === 'CRITICAL').count,
    ).toBe(1);
    const outsiderSummary = await outsider.client.ok(`query { riskSummary { assessments risks } }`);
    expect(outsiderSummary.riskSummary).toEqual({ assessments: 0, risks: 0 });
    const csv = (
      await colleague.client.ok(`query($id: ID!) { riskAssessmentCsv(id: $id) }`, { id })
    ).riskAssessmentCsv as string;
    expect(csv.split('\r\n')[0]).toMatch(/^risk,process,likelihood,impact,score,level/);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('CRITICAL');
    expect(
      code(await outsider.client.request(`query($id: ID!) { riskAssessmentCsv(id: $id) }`, { id })),
    ).toBe('NOT_FOUND');
  });

  it('keeps drafts inside the organisation and reports new and rescored risks live', async () => {
    const draft = await assessment('Draft only');
    const publicSpace = (
      await analyst.client.ok(
        `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Open analysis", visibility: PUBLIC }) { space { id } } }`,
        { id: organisationId },
      )
    ).createSpace.space.id;
    const openDraft = (
      await analyst.client.ok(
        `mutation($input: CreateRiskAssessmentInput!) { createRiskAssessment(input: $input) { assessment { id } } }`,
        {
          input: { spaceId: publicSpace, title: 'Open draft', subject: 'Akimat', sector: 'HEALTH' },
        },
      )
    ).createRiskAssessment.assessment.id;
    expect(
      (
        await outsider.client.ok(`query($id: ID!) { riskAssessment(id: $id) { id } }`, {
          id: openDraft,
        })
      ).riskAssessment,
    ).toBeNull();
    await analyst.client.ok(
      `mutation($input: UpdateRiskAssessmentInput!) { updateRiskAssessment(input: $input) { assessment { id } } }`,
      { input: { id: openDraft, status: 'ACTIVE' } },
    );
    expect(
      (
        await outsider.client.ok(
          `query($id: ID!) { riskAssessment(id: $id) { id viewerCan { edit } } }`,
          { id: openDraft },
        )
      ).riskAssessment,
    ).toEqual({
      id: openDraft,
      viewerCan: { edit: false },
    });
    expect(
      code(
        await outsider.client.request(ADD_RISK, {
          input: { assessmentId: openDraft, title: 'X', likelihood: 1, impact: 1 },
        }),
      ),
    ).toBe('FORBIDDEN');

    const ws = colleague.client.websocket();
    const events: unknown[] = [];
    const stop = ws.subscribe(
      {
        query: `subscription($s: ID!) { spaceActivity(spaceId: $s) { kind riskId assessmentId } }`,
        variables: { s: spaceId },
      },
      {
        next: (value) => events.push(value.data),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
    const risk = (
      await analyst.client.ok(ADD_RISK, {
        input: { assessmentId: draft, title: 'Live', likelihood: 2, impact: 2 },
      })
    ).addRisk.risk.id;
    await analyst.client.ok(
      `mutation($input: UpdateRiskInput!) { updateRisk(input: $input) { risk { id } } }`,
      { input: { id: risk, likelihood: 3 } },
    );
    const end = Date.now() + 3000;
    while (events.length < 2 && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    await ws.dispose();
    expect(events).toEqual([
      { spaceActivity: { kind: 'RISK_ADDED', riskId: risk, assessmentId: draft } },
      { spaceActivity: { kind: 'RISK_RESCORED', riskId: risk, assessmentId: draft } },
    ]);
  });
});

it('summarises one network: the assessments of its member organisations only', async () => {
  const make = new Factories(server);
  const [steward, peer, elsewhere] = [
    await make.organisation(),
    await make.organisation(),
    await make.organisation(),
  ];
  const network = await make.network(steward.owner, steward.organisation.id);
  const invitation = await inviteOrganisation(make.as(steward.owner), {
    networkId: network.id,
    organisationSlug: peer.organisation.slug,
  });
  await acceptNetworkInvitation(make.as(peer.owner), invitation.id);
  // One published-to-everyone assessment with one risk in each organisation.
  const record = async (owner: Someone, organisationId: string) => {
    const space = await make.space(owner, organisationId, { visibility: SpaceVisibility.PUBLIC });
    const recorded = await createAssessment(make.as(owner), {
      spaceId: space.id,
      title: 'Procurement of school meals',
      subject: 'Akimat',
      sector: RiskSector.PROCUREMENT,
      region: 'Almaty',
      period: '2026',
      methodology: '',
    });
    await updateAssessment(make.as(owner), { id: recorded.id, status: AssessmentStatus.ACTIVE });
    await addRisk(make.as(owner), {
      assessmentId: recorded.id,
      title: 'Split contracts',
      description: '',
      process: '',
      scheme: '',
      likelihood: 4,
      impact: 5,
      indicators: [],
      evidenceResourceIds: [],
      evidenceThreadIds: [],
    });
  };
  await record(steward.owner, steward.organisation.id);
  await record(peer.owner, peer.organisation.id);
  await record(elsewhere.owner, elsewhere.organisation.id);

  for (const member of [steward.owner, peer.owner]) {
    const inNetwork = await riskSummary(make.as(member), { networkId: network.id });
    expect(inNetwork).toMatchObject({ assessments: 2, risks: 2 });
  }
  const everywhere = await riskSummary(make.as(elsewhere.owner), {
    sector: RiskSector.PROCUREMENT,
    region: 'Almaty',
  });
  expect(everywhere.assessments).toBeGreaterThanOrEqual(3);
});
