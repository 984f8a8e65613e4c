import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { createOrganisation, latestEmail, person, type Person } from '../../test/tenants.js';

// Issue #26.11 and #26.12: mails name roles in words, not enum values, and give each part's
// dates in that part's language, in the event's time zone, labelled with it.

let server: TestServer;
let organiser: Person;
let organisationId: string;

beforeAll(async () => {
  server = await startTestServer();
  organiser = await person(server, 'Mail Organiser');
  organisationId = (await createOrganisation(organiser, 'MailWording')).id;
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

/** The mail's three parts: Kazakh, Russian, English (in that order, a blank line between). */
function parts(text: string): [string, string, string] {
  const blocks = text.split('\n\n');
  return [blocks[0] ?? '', blocks[1] ?? '', blocks.slice(2).join('\n\n')];
}

describe('invitation mail', () => {
  it('names the role in each language and never as MEMBER or ADMIN', async () => {
    const invitee = await person(server, 'Invited Person');
    for (const [role, kk, ru, en] of [
      ['MEMBER', 'Рөліңіз: мүше.', 'Ваша роль: участник.', 'as a member.'],
      ['ADMIN', 'Рөліңіз: әкімші.', 'Ваша роль: администратор.', 'as an administrator.'],
    ] as const) {
      await organiser.client.ok(
        `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`,
        { input: { organisationId, email: invitee.email, role } },
      );
      const mail = await latestEmail(server, invitee.email);
      const text = mail?.text_body ?? '';
      expect(text).not.toMatch(/MEMBER|ADMIN|MODERATOR|OWNER/);
      const [kazakh, russian, english] = parts(text);
      expect(kazakh).toContain(kk);
      expect(russian).toContain(ru);
      expect(english).toContain(en);
    }
  });
});

describe('event mail', () => {
  it("gives the start in each part's language, in the event's time zone, labelled", async () => {
    const spaceId = (
      await organiser.client.ok(
        `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Open", visibility: PUBLIC }) { space { id } } }`,
        { id: organisationId },
      )
    ).createSpace.space.id;
    const eventId = (
      await organiser.client.ok(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
        {
          input: {
            spaceId,
            title: 'Ашық бюджет',
            // 10:00 in Almaty (UTC+5).
            startsAt: '2030-12-21T05:00:00.000Z',
            endsAt: '2030-12-21T07:00:00.000Z',
            timezone: 'Asia/Almaty',
          },
        },
      )
    ).createEvent.event.id;
    await organiser.client.ok(
      `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { id } } }`,
      { id: eventId },
    );
    const attendee = await person(server, 'Mail Attendee');
    await attendee.client.ok(
      `mutation($id: ID!) { registerForEvent(input: { eventId: $id }) { registration { status } } }`,
      { id: eventId },
    );
    const mail = await latestEmail(server, attendee.email, 'event.registered');
    // One line each: Kazakh, Russian, English.
    const [kazakh = '', russian = '', english = ''] = (mail?.text_body ?? '').split('\n');
    expect(kazakh).toContain('2030 ж. 21 желтоқсан, 10:00 (GMT+5, Asia/Almaty)');
    expect(russian).toContain('21 декабря 2030 г. в 10:00 (GMT+5, Asia/Almaty)');
    expect(english).toContain('21 December 2030 at 10:00 (GMT+5, Asia/Almaty)');
    expect(kazakh).not.toContain('декабря');
    expect(english).not.toContain('декабря');
  });
});
