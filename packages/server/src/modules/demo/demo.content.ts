import type { Logger } from '../../platform/logging.js';
import { DEMO_SIGN_IN } from './demo.seed.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers of the operations below, read by shape

/**
 * What a first visitor finds after signing in as the demo account: a project office with a
 * network, three spaces (its own, the network's, a public one), a discussion, a published
 * dialogue event, library resources, a risk assessment with a public summary, and reporting
 * switched on. Created through the public GraphQL API, as a person would, so every rule and
 * row-level-security policy applies to it exactly as to real data.
 */
export async function seedDemoContent(graphqlUrl: string, logger: Logger): Promise<void> {
  let cookie = '';
  const call = async (query: string, variables: Record<string, unknown> = {}): Promise<Data> => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const session = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('alany_session='));
    if (session) cookie = session.split(';')[0] ?? '';
    const body = (await response.json()) as { data?: Data; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data ?? {};
  };

  const viewer = await call(
    `mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
    { input: DEMO_SIGN_IN },
  );
  const userId = viewer.signIn.user.id as string;
  const organisation = (
    await call(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }`,
      {
        input: {
          name: 'Adal Almaty project office',
          slug: 'adal-almaty',
          kind: 'PROJECT_OFFICE',
          city: 'Almaty',
          country: 'Kazakhstan',
          description:
            'An anti-corruption project office that runs public dialogues with local officials.',
        },
      },
    )
  ).createOrganisation.organisation.id as string;
  const network = (
    await call(
      `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id } } }`,
      {
        input: {
          organisationId: organisation,
          name: 'Central Asia Integrity Network',
          slug: 'central-asia-integrity',
          description: 'NGOs, businesses and public institutions learning from each other.',
        },
      },
    )
  ).createNetwork.network.id as string;
  const space = async (name: string, description: string, visibility: string) =>
    (
      await call(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        {
          input: {
            organisationId: organisation,
            name,
            description,
            visibility,
            networkId: visibility === 'NETWORK' ? network : null,
          },
        },
      )
    ).createSpace.space.id as string;
  const office = await space('Project office', 'Our own work in progress.', 'ORGANISATION');
  const peers = await space(
    'Peer learning',
    'Shared with every organisation in the network.',
    'NETWORK',
  );
  const open = await space('Open library', 'Material anyone may read, signed in or not.', 'PUBLIC');

  const thread = (
    await call(
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      {
        input: {
          spaceId: peers,
          title: 'How do you check beneficial ownership in tenders?',
          body: 'We compare the **beneficial owners** of bidders with the officials who sign the contract. What sources do you use?',
          tags: ['procurement', 'beneficial ownership'],
        },
      },
    )
  ).createThread.thread.id as string;
  await call(`mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`, {
    input: {
      threadId: thread,
      body: 'The state register of legal entities first, then the declarations the officials publish.',
    },
  });

  // The network works in three languages (issue #26.13): a thread in Russian among peers, one in
  // Kazakh in the office, as the people of such an office write them.
  for (const { spaceId, title, body, tags, replies } of threadsInRussianAndKazakh(peers, office)) {
    const id = (
      await call(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
        { input: { spaceId, title, body, tags } },
      )
    ).createThread.thread.id as string;
    for (const reply of replies)
      await call(
        `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`,
        { input: { threadId: id, body: reply } },
      );
  }

  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  startsAt.setUTCHours(5, 0, 0, 0);
  const event = (
    await call(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
      {
        input: {
          spaceId: peers,
          title: 'Public dialogue: land allocation in the districts',
          description: 'Akimat officials answer questions from residents and NGOs.',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
          location: 'Almaty, House of Friendship',
          capacity: 120,
        },
      },
    )
  ).createEvent.event.id as string;
  await call(`mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { id } } }`, {
    id: event,
  });

  for (const resource of [
    {
      spaceId: open,
      title: 'UN Convention against Corruption',
      kind: 'LINK',
      language: 'MULTILINGUAL',
      url: 'https://www.unodc.org/unodc/en/corruption/uncac.html',
      tags: ['uncac', 'standards'],
      description: 'The convention every member state of the network has ratified.',
    },
    {
      spaceId: peers,
      title: 'Integrity pact toolkit for public procurement',
      kind: 'TOOLKIT',
      language: 'RU',
      url: null,
      tags: ['procurement', 'integrity pacts'],
      description: 'Templates and a checklist for monitoring a tender from plan to payment.',
    },
    {
      spaceId: open,
      title: 'Памятка: как подать обращение о коррупционном правонарушении',
      kind: 'DOCUMENT',
      language: 'RU',
      url: null,
      tags: ['обращения', 'антикоррупционная служба'],
      description:
        'Куда обращаться, что приложить и как проверить, что обращение зарегистрировано. Без персональных данных заявителя в открытом доступе.',
    },
    {
      spaceId: peers,
      title: 'Мемлекеттік сатып алуды қоғамдық бақылау: бастаушыларға нұсқаулық',
      kind: 'TOOLKIT',
      language: 'KK',
      url: null,
      tags: ['мемлекеттік сатып алу', 'қоғамдық бақылау'],
      description:
        'Сатып алу жоспарынан бастап келісімшарттың орындалуына дейін нені тексеру керек: тізім және хат үлгілері.',
    },
  ]) {
    await call(
      `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
      { input: resource },
    );
  }

  const assessment = (
    await call(
      `mutation($input: CreateRiskAssessmentInput!) { createRiskAssessment(input: $input) { assessment { id } } }`,
      {
        input: {
          spaceId: office,
          title: 'Land allocation in the district akimat, 2026',
          subject: 'District akimat: land department',
          sector: 'LAND',
          region: 'Almaty region',
          period: '2026',
          methodology: 'Decisions of the land commission, interviews with applicants.',
        },
      },
    )
  ).createRiskAssessment.assessment.id as string;
  for (const [title, likelihood, impact] of [
    ['Plots allocated without an auction', 4, 5],
    ['Applicants asked for informal payments', 3, 4],
    ['Commission decisions not published', 4, 2],
  ] as const) {
    await call(`mutation($input: AddRiskInput!) { addRisk(input: $input) { risk { id } } }`, {
      input: { assessmentId: assessment, title, likelihood, impact },
    });
  }
  await call(
    `mutation($id: ID!) { updateRiskAssessment(input: { id: $id, status: ACTIVE }) { assessment { id } } }`,
    { id: assessment },
  );
  await call(
    `mutation($id: ID!) { publishRiskAssessment(input: { id: $id }) { assessment { id } } }`,
    { id: assessment },
  );

  await call(
    `mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { enabled } }`,
    {
      input: {
        organisationId: organisation,
        enabled: true,
        intro: 'Tell us what you saw. You stay anonymous; keep your receipt to follow up.',
        categories: ['Bribery', 'Procurement fraud', 'Conflict of interest'],
        handlerUserIds: [userId],
      },
    },
  );
  logger.info('demo content created: organisation adal-almaty with a network, spaces and examples');
}

/** The Russian and Kazakh threads of the demo, with their replies. */
function threadsInRussianAndKazakh(peers: string, office: string) {
  return [
    {
      spaceId: peers,
      title: 'Госзакупки: как доказать аффилированность поставщика?',
      body:
        'В этом квартале мы смотрим закупки районных акиматов на портале госзакупок. ' +
        'Раз за разом побеждает одно и то же ТОО, а его учредитель, по словам жителей, — родственник замакима. ' +
        'Как вы фиксируете такие связи, чтобы обращение в антикоррупционную службу не вернули без рассмотрения?',
      tags: ['госзакупки', 'конфликт интересов'],
      replies: [
        'Мы сверяем БИН поставщика с реестром юридических лиц, а родство подтверждаем только документами: ' +
          'опубликованными декларациями, судебными актами, публикациями в СМИ. Слухи в обращение не пишем — ' +
          'к каждому факту ссылка на источник и дата, когда мы его сохранили.',
        'Добавлю: прикладывайте скриншоты карточки закупки с датой. Объявления на портале потом правят, и без них доказать уже ничего нельзя.',
      ],
    },
    {
      spaceId: office,
      title: 'Жер комиссиясының шешімдерін қайдан табуға болады?',
      body:
        'Аудандық әкімдік жер комиссиясының шешімдерін сайтында жарияламайды. ' +
        'Тұрғындар телімдер аукционсыз беріліп жатыр деп шағымданады. ' +
        'Ақпарат алу үшін сұрау салуды кім жіберіп көрді? Жауап қанша уақытта келді?',
      tags: ['жер', 'ақпаратқа қол жеткізу'],
      replies: [
        'Біз «Ақпаратқа қол жеткізу туралы» Заңға сүйеніп, eOtinish арқылы сұрау жібердік. ' +
          'Жауап он бес жұмыс күні ішінде берілуі тиіс, бізге он екінші күні келді. ' +
          'Сұрауда шешімнің нөмірі мен күнін нақты көрсетіңіз, әйтпесе жалпы жауап қайтарады.',
      ],
    },
  ];
}
