import type { Mentionable } from './mention';

/** As the server finds mentions (`mentionedHandles`): an @ not glued to a word, 2–30 characters. */
const MENTION = /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.]{2,30})/gu;

/** Text where a mention means nothing: code and links already say something else. */
const SKIP = new Set(['A', 'CODE', 'PRE']);

/**
 * The server's rendered HTML with each @mention of a known person marked up as a mention (a
 * styled `<span class="mention">` titled with their name: there is no profile page to link to),
 * and the viewer's own as `mention mention--me`, so that a reader sees at once where they were
 * named (issue #26.10). Unknown handles stay plain text. Works on the parsed document, never on
 * the HTML as a string, so nothing the server escaped is unescaped.
 */
export function markMentions(
  html: string,
  people: readonly Mentionable[],
  me: string | null | undefined,
): string {
  if (!html.includes('@') || people.length === 0) return html;
  const byHandle = new Map(people.map((p) => [p.handle.toLowerCase(), p]));
  const mine = me?.toLowerCase();
  const template = document.createElement('template');
  template.innerHTML = html;
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let parent = node.parentElement;
    let skipped = false;
    while (parent && !skipped) {
      skipped = SKIP.has(parent.tagName);
      parent = parent.parentElement;
    }
    if (!skipped && node.textContent?.includes('@')) texts.push(node as Text);
  }
  let changed = false;
  for (const text of texts) {
    const source = text.textContent ?? '';
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of source.matchAll(MENTION)) {
      // A sentence's full stop after a handle is not part of it.
      const handle = match[2]!.replace(/\.+$/, '');
      const person = byHandle.get(handle.toLowerCase());
      if (!person) continue;
      const start = match.index + match[1]!.length;
      fragment.append(source.slice(last, start));
      const mention = document.createElement('span');
      const own = handle.toLowerCase() === mine;
      mention.className = own ? 'mention mention--me' : 'mention';
      mention.title = person.displayName;
      mention.textContent = `@${handle}`;
      fragment.append(mention);
      last = start + 1 + handle.length;
    }
    if (last === 0) continue;
    fragment.append(source.slice(last));
    text.replaceWith(fragment);
    changed = true;
  }
  return changed ? template.innerHTML : html;
}
