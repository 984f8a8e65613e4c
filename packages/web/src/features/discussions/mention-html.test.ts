import { describe, expect, it } from 'vitest';
import { markMentions } from './mention-html';

const people = [
  { handle: 'aigerim', displayName: 'Aigerim Sadykova' },
  { handle: 'daniyar.b', displayName: 'Daniyar Bekov' },
];

function parse(html: string) {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('mentions in rendered posts', () => {
  it("marks a known person's handle, the viewer's own apart", () => {
    const out = parse(
      markMentions('<p>Thanks @aigerim and @Daniyar.B. Ask @nobody.</p>', people, 'daniyar.b'),
    );
    const mentions = [...out.querySelectorAll('.mention')];
    expect(mentions.map((m) => [m.textContent, m.className, m.getAttribute('title')])).toEqual([
      ['@aigerim', 'mention', 'Aigerim Sadykova'],
      ['@Daniyar.B', 'mention mention--me', 'Daniyar Bekov'],
    ]);
    // The full stop after a handle and unknown handles stay text.
    expect(out.textContent).toBe('Thanks @aigerim and @Daniyar.B. Ask @nobody.');
  });

  it('leaves links, code and e-mail addresses alone, and escaped text escaped', () => {
    const html =
      '<p><a href="https://x.kz/@aigerim">@aigerim</a> <code>@aigerim</code> a@aigerim.kz &lt;b&gt;@aigerim</p>';
    const out = parse(markMentions(html, people, null));
    expect(out.querySelectorAll('.mention')).toHaveLength(1);
    expect(out.querySelector('b')).toBeNull();
    expect(out.textContent).toBe('@aigerim @aigerim a@aigerim.kz <b>@aigerim');
  });
});
