/** The `@handle` being typed just before the caret, or null when the caret is not in one. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[\s(])@([\p{L}\p{N}_.-]*)$/u.exec(text.slice(0, caret));
  const query = match?.[2];
  if (query === undefined) return null;
  return { start: caret - query.length - 1, query };
}

/** Puts `@handle ` in place of what was typed after the @. */
export function insertMention(
  text: string,
  mention: { start: number; query: string },
  handle: string,
): { text: string; caret: number } {
  const before = text.slice(0, mention.start);
  const after = text.slice(mention.start + 1 + mention.query.length);
  const inserted = `@${handle} `;
  return {
    text: before + inserted + after.replace(/^ /, ''),
    caret: before.length + inserted.length,
  };
}

export interface Mentionable {
  handle: string;
  displayName: string;
}

/** Handles and names that start with (then contain) what was typed, at most 6. */
export function suggestMentions(people: readonly Mentionable[], query: string): Mentionable[] {
  const q = query.toLowerCase();
  const starts = people.filter(
    (p) => p.handle.toLowerCase().startsWith(q) || p.displayName.toLowerCase().startsWith(q),
  );
  const contains = people.filter(
    (p) =>
      !starts.includes(p) &&
      (p.handle.toLowerCase().includes(q) || p.displayName.toLowerCase().includes(q)),
  );
  return [...starts, ...contains].slice(0, 6);
}
