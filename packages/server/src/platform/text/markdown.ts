import MarkdownIt from 'markdown-it';

export const MAX_BODY_CHARACTERS = 20_000;

/**
 * Markdown as people write it in discussions, rendered safely: raw HTML is escaped, not passed
 * through; only http(s) and mailto links survive; every link gets rel="nofollow noopener noreferrer"
 * and opens in a new tab.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const SAFE_LINK = /^(https?:|mailto:)/i;
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  token.attrSet('rel', 'nofollow noopener noreferrer');
  token.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, index, options, env, self);
};
// Images would load third-party content into members' browsers: show them as links instead.
markdown.renderer.rules.image = (tokens, index) => {
  const token = tokens[index]!;
  const src = markdown.utils.escapeHtml(token.attrGet('src') ?? '');
  const alt = markdown.utils.escapeHtml(token.content || src);
  return SAFE_LINK.test(src)
    ? `<a href="${src}" rel="nofollow noopener noreferrer" target="_blank">${alt}</a>`
    : alt;
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

const MENTION = /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.]{2,30})/gu;

/** The @handles a text mentions, lower-cased and without repeats. */
export function mentionedHandles(source: string): string[] {
  const handles = new Set<string>();
  for (const match of source.matchAll(MENTION))
    handles.add(match[2]!.replace(/\.+$/, '').toLowerCase());
  return [...handles].filter((handle) => handle.length >= 2);
}

export function escapeHtml(text: string): string {
  return markdown.utils.escapeHtml(text);
}
