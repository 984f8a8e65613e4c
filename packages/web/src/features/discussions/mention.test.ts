import { describe, expect, it } from 'vitest';
import { insertMention, mentionAt, suggestMentions } from './mention';

describe('mentions', () => {
  it('finds the handle being typed before the caret', () => {
    expect(mentionAt('Hello @aig', 10)).toEqual({ start: 6, query: 'aig' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('mail@example', 12)).toBeNull();
    expect(mentionAt('Hello @aig there', 16)).toBeNull();
  });

  it('inserts the chosen handle and puts the caret after it', () => {
    const text = 'Hello @aig, see this';
    const mention = mentionAt(text, 10)!;
    expect(insertMention(text, mention, 'aigerim')).toEqual({
      text: 'Hello @aigerim , see this',
      caret: 15,
    });
  });

  it('suggests handles and names that start with the query first', () => {
    const people = [
      { handle: 'daniyar', displayName: 'Daniyar Aigerimov' },
      { handle: 'aigerim', displayName: 'Aigerim Sadykova' },
    ];
    expect(suggestMentions(people, 'aig').map((p) => p.handle)).toEqual(['aigerim', 'daniyar']);
  });
});
