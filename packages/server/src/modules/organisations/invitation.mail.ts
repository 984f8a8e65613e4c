import { MemberRole } from './organisations.entity.js';

/**
 * Role names as the web client shows them (`role.*` in its locale files): the mail names the
 * role in each part's own words, never the API's enum value (issue #26.11).
 */
const ROLE_NAMES: Record<MemberRole, { kk: string; ru: string; en: string }> = {
  [MemberRole.OWNER]: { kk: 'иесі', ru: 'владелец', en: 'owner' },
  [MemberRole.ADMIN]: { kk: 'әкімші', ru: 'администратор', en: 'administrator' },
  [MemberRole.MODERATOR]: { kk: 'модератор', ru: 'модератор', en: 'moderator' },
  [MemberRole.MEMBER]: { kk: 'мүше', ru: 'участник', en: 'member' },
};

/** The invitation mail: Kazakh, Russian and English, the role named in each. */
export function invitationEmail(
  organisationName: string,
  inviterName: string,
  link: string,
  role: MemberRole,
  days: number,
): { subject: string; text: string } {
  const names = ROLE_NAMES[role];
  const subject = `Alany: ${organisationName} — шақыру / приглашение / invitation`;
  const text = [
    `Сәлеметсіз бе! ${inviterName} сізді Alany платформасындағы «${organisationName}» ұйымына шақырады. Рөліңіз: ${names.kk}.`,
    `Шақыруды қабылдау үшін сілтемені ашыңыз (${days} күн жарамды, бір рет қолданылады):`,
    link,
    '',
    `Здравствуйте! ${inviterName} приглашает вас в организацию «${organisationName}» на платформе Alany. Ваша роль: ${names.ru}.`,
    `Чтобы принять приглашение, откройте ссылку (действует ${days} дней, однократно):`,
    link,
    '',
    `Hello! ${inviterName} invites you to join "${organisationName}" on Alany as ${names.en === 'administrator' ? 'an' : 'a'} ${names.en}.`,
    `To accept, open this link (valid for ${days} days, single use):`,
    link,
    '',
    'If you did not expect this e-mail, you can ignore it.',
  ].join('\n');
  return { subject, text };
}
