import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { reportProof } from './report-proof.js';
import { newAccount, SIGN_UP, type TestClient, type TestServer } from './harness.js';

/**
 * The newest e-mail of this kind sent to an address, as its recipient got it: the outbox says
 * which message is the newest (its row holds no live secret), the test server's mailbox folder
 * (delivery without SMTP) holds what was sent, links included.
 */
export async function latestEmail(server: TestServer, to: string, kind = 'invitation') {
  const owner = new pg.Client({ connectionString: server.db.ownerUrl });
  await owner.connect();
  let row: { id: string; subject: string; text_body: string; organisation_id: string } | undefined;
  try {
    const { rows } = await owner.query<{
      id: string;
      subject: string;
      text_body: string;
      organisation_id: string;
    }>(
      `select id, subject, text_body, organisation_id from outbox_email
       where to_address = $1 and kind = $2 order by created_at desc limit 1`,
      [to.toLowerCase(), kind],
    );
    row = rows[0];
  } finally {
    await owner.end();
  }
  if (!row) return undefined;
  const sent = await deliveredMail(server, row.id);
  return { subject: row.subject, text_body: sent.text, organisation_id: row.organisation_id };
}

/** The message with this outbox id as delivered to the test server's mailbox folder. */
export async function deliveredMail(
  server: TestServer,
  id: string,
): Promise<{ to: string; kind: string; subject: string; text: string }> {
  const folder = path.join(server.dataDir, 'mail');
  const end = Date.now() + 10_000;
  for (;;) {
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    const name = names.find((n) => n.endsWith(`-${id}.json`));
    if (name) return JSON.parse(await fs.readFile(path.join(folder, name), 'utf8'));
    if (Date.now() > end) throw new Error(`e-mail ${id} was not delivered to ${folder}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The secret of the newest confirmation link mailed to this address. */
export async function verificationTokenFor(server: TestServer, email: string): Promise<string> {
  const mail = await latestEmail(server, email, 'email-verification');
  const match = mail?.text_body.match(/\/verify-email\?token=([\w%-]+)/);
  if (!match?.[1]) throw new Error(`no confirmation link mailed to ${email}`);
  return decodeURIComponent(match[1]);
}

export const VERIFY_EMAIL = `mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { emailVerified } }`;

export function invitationTokenFrom(text: string): string {
  const match = text.match(/\/invitations\/accept\?token=([\w%-]+)/);
  if (!match?.[1]) throw new Error(`no invitation link in: ${text}`);
  return decodeURIComponent(match[1]);
}

export interface Person {
  client: TestClient;
  id: string;
  email: string;
  password: string;
}

/** A person who signed up and confirmed their address through the e-mailed link. */
export async function person(server: TestServer, name: string): Promise<Person> {
  const someone = await unverifiedPerson(server, name);
  await someone.client.ok(VERIFY_EMAIL, {
    input: { token: await verificationTokenFor(server, someone.email) },
  });
  return someone;
}

/** A person who signed up and has not followed the confirmation link. */
export async function unverifiedPerson(server: TestServer, name: string): Promise<Person> {
  const client = server.client();
  const input = newAccount({ displayName: name });
  const data = await client.ok(SIGN_UP, { input });
  return { client, id: data.signUp.user.id, email: input.email, password: input.password };
}

let sequence = 0;
export async function createOrganisation(
  owner: Person,
  label: string,
): Promise<{ id: string; slug: string }> {
  sequence += 1;
  const slug = `${label.toLowerCase()}-${Date.now().toString(36)}-${sequence}`;
  const data = await owner.client.ok(
    `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id slug } } }`,
    {
      input: {
        name: `${label} Organisation`,
        slug,
        kind: 'NGO',
        city: 'Almaty',
        country: 'Kazakhstan',
      },
    },
  );
  return data.createOrganisation.organisation;
}

/** Invites `invitee` by e-mail and accepts from the outbox link; returns the membership id. */
export async function addMember(
  server: TestServer,
  admin: Person,
  organisationId: string,
  invitee: Person,
  role = 'MEMBER',
): Promise<string> {
  await admin.client.ok(
    `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`,
    { input: { organisationId, email: invitee.email, role } },
  );
  const email = await latestEmail(server, invitee.email);
  const data = await invitee.client.ok(
    `mutation($token: String!) { acceptInvitation(input: { token: $token }) { membership { id } } }`,
    { token: invitationTokenFrom(email!.text_body) },
  );
  return data.acceptInvitation.membership.id;
}

export interface Tenant {
  label: string;
  owner: Person;
  member: Person;
  organisation: { id: string; slug: string };
  memberMembershipId: string;
  /** An organisation the tenant shares a space with (its partner, not the other tenant). */
  partner: { id: string; slug: string };
  network: { id: string; slug: string };
  privateSpaceId: string;
  sharedSpaceId: string;
  networkSpaceId: string;
  invitationId: string;
  /** The secret of the pending invitation's link, as mailed to the invited address. */
  invitationToken: string;
  pendingNetworkInvitationId: string;
  apiToken: { id: string; secret: string };
  readToken: TestClient;
  /** A thread in the private space whose opening text @mentions the member, with a reply and a flag. */
  threadId: string;
  postId: string;
  flagId: string;
  searchWord: string;
  /** A published event in the private space, with a pending and an approved question and an open poll. */
  event: { id: string; code: string };
  pendingQuestionId: string;
  approvedQuestionId: string;
  pollId: string;
  /** A guest in this tenant's event audience. */
  guest: TestClient;
  /** An unpublished risk assessment in the private space, with one risk and one mitigation. */
  assessmentId: string;
  riskId: string;
  mitigationId: string;
  /** Reporting is on, with the owner as the only case handler; one report was filed, with a file. */
  reportId: string;
  receipt: string;
  /** A resource in the private space with one stored version, and an upload not yet claimed. */
  resourceId: string;
  versionId: string;
  pendingUploadId: string;
  attachmentId: string;
  /**
   * Texts that exist only in this tenant's content (titles, bodies, descriptions, the search
   * word): none of them may appear in anything another tenant is answered.
   */
  texts: string[];
}

/** Uploads one file for a report the way the reporting page does; the upload key or the error. */
export async function uploadReportFile(
  baseUrl: string,
  name: string,
  bytes: Buffer | string,
  headers: Record<string, string> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response shapes freely
): Promise<{ status: number; body: Record<string, any>; headers: Headers }> {
  const response = await fetch(`${baseUrl}/report-uploads`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      'x-report-proof': await reportProof(baseUrl, headers),
      ...headers,
    },
    body: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  const body = (await response.json()) as Record<string, any>;
  return { status: response.status, body, headers: response.headers };
}

/**
 * One tenant with everything the isolation suite attacks: an owner and a member, a network it
 * stewards, a private space, a space shared with a partner, a network space, a pending
 * invitation, a pending network invitation and an API token.
 */
export async function buildTenant(server: TestServer, label: string): Promise<Tenant> {
  const owner = await person(server, `${label} Owner`);
  const member = await person(server, `${label} Member`);
  const organisation = await createOrganisation(owner, label);
  const memberMembershipId = await addMember(server, owner, organisation.id, member);
  const partnerOwner = await person(server, `${label} Partner`);
  const partner = await createOrganisation(partnerOwner, `${label}-partner`);
  const outsiderOwner = await person(server, `${label} Invitee`);
  const invitedOrganisation = await createOrganisation(outsiderOwner, `${label}-invitee`);

  const networkSlug = `${label.toLowerCase()}-net-${Date.now().toString(36)}`;
  const network = (
    await owner.client.ok(
      `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id slug } } }`,
      { input: { organisationId: organisation.id, name: `${label} Network`, slug: networkSlug } },
    )
  ).createNetwork.network;
  const pendingNetworkInvitationId = (
    await owner.client.ok(
      `mutation($input: InviteOrganisationToNetworkInput!) { inviteOrganisationToNetwork(input: $input) { invitation { id } } }`,
      { input: { networkId: network.id, organisationSlug: invitedOrganisation.slug } },
    )
  ).inviteOrganisationToNetwork.invitation.id;

  const createSpace = async (name: string, visibility: string, networkId?: string) =>
    (
      await owner.client.ok(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { organisationId: organisation.id, name, visibility, networkId } },
      )
    ).createSpace.space.id as string;
  const privateSpaceId = await createSpace(`${label} private space`, 'ORGANISATION');
  const sharedSpaceId = await createSpace(`${label} shared space`, 'ORGANISATION');
  await owner.client.ok(
    `mutation($input: ShareSpaceInput!) { shareSpace(input: $input) { space { id } } }`,
    { input: { spaceId: sharedSpaceId, organisationId: partner.id } },
  );
  const networkSpaceId = await createSpace(`${label} network space`, 'NETWORK', network.id);

  const pendingEmail = `pending.${label.toLowerCase()}.${Date.now()}@example.kz`;
  const invitationId = (
    await owner.client.ok(
      `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`,
      { input: { organisationId: organisation.id, email: pendingEmail } },
    )
  ).inviteMember.invitation.id;
  const invitationToken = invitationTokenFrom(
    (await latestEmail(server, pendingEmail))?.text_body ?? '',
  );

  const searchWord = `${label.toLowerCase()}zebra${Date.now().toString(36)}`;
  const memberHandle = (await member.client.ok(`query { viewer { handle } }`)).viewer
    .handle as string;
  const threadId = (
    await owner.client.ok(
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      {
        input: {
          spaceId: privateSpaceId,
          title: `${label} integrity plan ${searchWord}`,
          body: `Please review, @${memberHandle}.`,
          tags: ['procurement'],
        },
      },
    )
  ).createThread.thread.id as string;
  const postId = (
    await member.client.ok(
      `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`,
      {
        input: { threadId, body: `Reviewed ${searchWord}, @${memberHandle} here.` },
      },
    )
  ).createPost.post.id as string;
  const flagId = (
    await member.client.ok(
      `mutation($input: FlagPostInput!) { flagPost(input: $input) { flag { id } } }`,
      {
        input: { postId, reason: 'Check this' },
      },
    )
  ).flagPost.flag.id as string;
  // The member's post edited once (a revision), reacted to, and the thread read: every
  // discussion table holds a row of this tenant's.
  await member.client.ok(
    `mutation($id: ID!, $body: String!) { editPost(input: { id: $id, body: $body }) { post { id } } }`,
    { id: postId, body: `Reviewed ${searchWord} again, @${memberHandle} here.` },
  );
  await owner.client.ok(
    `mutation($id: ID!) { toggleReaction(input: { postId: $id, reaction: LIKE }) { post { id } } }`,
    { id: postId },
  );
  await owner.client.ok(
    `mutation($id: ID!) { toggleThreadReaction(input: { threadId: $id, reaction: THANKS }) { thread { id } } }`,
    { id: threadId },
  );
  await member.client.ok(
    `mutation($id: ID!) { markThreadRead(input: { id: $id }) { thread { id } } }`,
    { id: threadId },
  );

  const eventId = (
    await owner.client.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
      {
        input: {
          spaceId: privateSpaceId,
          title: `${label} public dialogue`,
          startsAt: new Date(Date.now() - 3600_000).toISOString(),
          endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
          capacity: 50,
        },
      },
    )
  ).createEvent.event.id as string;
  const code = (
    await owner.client.ok(
      `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { code } } }`,
      { id: eventId },
    )
  ).publishEvent.event.code as string;
  await member.client.ok(
    `mutation($id: ID!) { registerForEvent(input: { eventId: $id }) { registration { id } } }`,
    { id: eventId },
  );
  const joined = await server
    .client()
    .ok(
      `mutation($code: String!) { joinEvent(input: { code: $code, displayName: "${label} guest" }) { guestToken } }`,
      { code },
    );
  const guest = server.client({ authorization: `Bearer ${joined.joinEvent.guestToken}` });
  const ask = async (body: string) =>
    (
      await guest.ok(
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
        { input: { eventId, body } },
      )
    ).askQuestion.question.id as string;
  const pendingQuestionId = await ask(`${label}: pending question`);
  const approvedQuestionId = await ask(`${label}: approved question`);
  await owner.client.ok(
    `mutation($id: ID!) { moderateQuestion(input: { questionId: $id, action: APPROVE }) { question { id } } }`,
    {
      id: approvedQuestionId,
    },
  );
  await guest.ok(
    `mutation($id: ID!) { upvoteQuestion(input: { questionId: $id }) { question { id } } }`,
    { id: approvedQuestionId },
  );
  const poll = (
    await owner.client.ok(
      `mutation($input: CreatePollInput!) { createPoll(input: $input) { poll { id options { id } } } }`,
      {
        input: { eventId, question: 'Which risk first?', options: ['Procurement', 'Land'] },
      },
    )
  ).createPoll.poll as { id: string; options: Array<{ id: string }> };
  const pollId = poll.id;
  await owner.client.ok(`mutation($id: ID!) { openPoll(input: { pollId: $id }) { poll { id } } }`, {
    id: pollId,
  });
  // The guest's ballot: poll_ballot holds a row of this tenant's.
  await guest.ok(
    `mutation($id: ID!, $o: [ID!]!) { votePoll(input: { pollId: $id, optionIds: $o }) { poll { id } } }`,
    { id: pollId, o: [poll.options[0]!.id] },
  );

  const assessmentId = (
    await owner.client.ok(
      `mutation($input: CreateRiskAssessmentInput!) { createRiskAssessment(input: $input) { assessment { id } } }`,
      {
        input: {
          spaceId: privateSpaceId,
          title: `${label} land allocation 2026`,
          subject: 'District akimat',
          sector: 'LAND',
          region: 'Almaty',
        },
      },
    )
  ).createRiskAssessment.assessment.id as string;
  const riskId = (
    await owner.client.ok(
      `mutation($input: AddRiskInput!) { addRisk(input: $input) { risk { id } } }`,
      {
        input: {
          assessmentId,
          title: 'Plots allocated without auction',
          description: `${label} secret description`,
          likelihood: 4,
          impact: 5,
        },
      },
    )
  ).addRisk.risk.id as string;
  const mitigationId = (
    await owner.client.ok(
      `mutation($input: AddMitigationInput!) { addMitigation(input: $input) { mitigation { id } } }`,
      {
        input: {
          riskId,
          action: 'Publish every allocation',
          dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        },
      },
    )
  ).addMitigation.mitigation.id as string;

  await owner.client.ok(
    `mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { enabled } }`,
    {
      input: {
        organisationId: organisation.id,
        enabled: true,
        categories: ['Bribery'],
        handlerUserIds: [owner.id],
      },
    },
  );
  const upload = await uploadReportFile(server.url, 'ledger.txt', `${label} ledger`);
  const receipt = (
    await server
      .client()
      .ok(`mutation($input: SubmitReportInput!) { submitReport(input: $input) { receipt } }`, {
        input: {
          organisationSlug: organisation.slug,
          category: 'Bribery',
          title: `${label} report`,
          body: `${label} secret allegation`,
          attachments: [upload.body.upload],
          proof: await reportProof(server.url),
        },
      })
  ).submitReport.receipt as string;
  const filed = (
    await owner.client.ok(
      `query($o: ID!) { reports(organisationId: $o) { edges { node { id attachments { id } } } } }`,
      { o: organisation.id },
    )
  ).reports.edges[0].node;
  const reportId = filed.id as string;
  const attachmentId = filed.attachments[0].id as string;
  // A handler's message to the reporter: report_message holds a row of this tenant's.
  await owner.client.ok(
    `mutation($id: ID!, $body: String!) { messageReporter(input: { id: $id, body: $body }) { id } }`,
    { id: reportId, body: `${label} handler note` },
  );

  const resourceId = (
    await owner.client.ok(
      `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
      {
        input: {
          spaceId: privateSpaceId,
          title: `${label} procurement toolkit`,
          description: `${label} ${searchWord} checklist`,
          kind: 'TOOLKIT',
          language: 'EN',
          tags: ['procurement'],
        },
      },
    )
  ).createResource.resource.id as string;
  const uploaded = await owner.client.upload('toolkit.txt', `${label} toolkit text ${searchWord}`);
  const versionId = (
    await owner.client.ok(
      `mutation($input: AddResourceVersionInput!) { addResourceVersion(input: $input) { version { id } } }`,
      { input: { resourceId, uploadId: uploaded.body.uploadId, note: 'First version' } },
    )
  ).addResourceVersion.version.id as string;
  const pendingUploadId = (await owner.client.upload('draft.txt', `${label} draft`)).body
    .uploadId as string;

  const created = await owner.client.ok(
    `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { id } secret } }`,
    {
      input: {
        organisationId: organisation.id,
        name: `${label} dashboard`,
        scopes: ['READ', 'WRITE'],
      },
    },
  );
  const apiToken = {
    id: created.createApiToken.apiToken.id,
    secret: created.createApiToken.secret,
  };

  return {
    label,
    owner,
    member,
    organisation,
    memberMembershipId,
    partner,
    network,
    privateSpaceId,
    sharedSpaceId,
    networkSpaceId,
    invitationId,
    invitationToken,
    pendingNetworkInvitationId,
    apiToken,
    readToken: server.client({ authorization: `Bearer ${apiToken.secret}` }),
    threadId,
    postId,
    flagId,
    searchWord,
    event: { id: eventId, code },
    pendingQuestionId,
    approvedQuestionId,
    pollId,
    guest,
    assessmentId,
    riskId,
    mitigationId,
    reportId,
    receipt,
    resourceId,
    versionId,
    pendingUploadId,
    attachmentId,
    texts: [
      searchWord,
      `${label} integrity plan`,
      `${label} public dialogue`,
      `${label}: pending question`,
      `${label}: approved question`,
      `${label} land allocation 2026`,
      `${label} secret description`,
      `${label} report`,
      `${label} secret allegation`,
      `${label} ledger`,
      `${label} handler note`,
      `${label} procurement toolkit`,
      `${label} toolkit text`,
      `${label} dashboard`,
      `${label} guest`,
      receipt,
      owner.email,
      member.email,
    ],
  };
}
