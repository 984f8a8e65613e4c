import type { ReactNode } from 'react';

/**
 * A preview of Markdown before it is posted. Everything becomes React text (escaped by React),
 * never HTML: the server's rendering, shown once posted, is the real one. Only the common
 * marks are previewed — paragraphs, quotes, lists, **bold**, *italic*, `code` and links.
 */
const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string, key: string): ReactNode[] {
  return text.split(INLINE).map((part, index) => {
    const k = `${key}-${index}`;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
      return <strong key={k}>{part.slice(2, -2)}</strong>;
    }
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) {
      return <code key={k}>{part.slice(1, -1)}</code>;
    }
    if (part.startsWith('*') && part.endsWith('*') && part.length > 2) {
      return <em key={k}>{part.slice(1, -1)}</em>;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      const [, label = '', href = ''] = link;
      // Only web links become links; anything else (javascript:, data:) stays text.
      return /^https?:\/\//i.test(href) ? (
        <a key={k} href={href} rel="nofollow noopener noreferrer" target="_blank">
          {label}
        </a>
      ) : (
        <span key={k}>{part}</span>
      );
    }
    return part;
  });
}

export function MarkdownPreview({ source }: { source: string }) {
  const blocks = source
    .trim()
    .split(/\n\s*\n/)
    .filter(Boolean);
  return (
    <>
      {blocks.map((block, index) => {
        const lines = block.split('\n');
        const key = String(index);
        if (lines.every((line) => line.startsWith('>'))) {
          return (
            <blockquote key={key}>
              {inline(lines.map((line) => line.replace(/^>\s?/, '')).join(' '), key)}
            </blockquote>
          );
        }
        if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
          return (
            <ul key={key}>
              {lines.map((line, item) => (
                <li key={item}>{inline(line.replace(/^\s*[-*]\s+/, ''), `${key}-${item}`)}</li>
              ))}
            </ul>
          );
        }
        const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0] ?? '');
        if (heading && lines.length === 1)
          return (
            <p key={key}>
              <strong>{inline(heading[2] ?? '', key)}</strong>
            </p>
          );
        return (
          <p key={key}>
            {lines.flatMap((line, n) =>
              n
                ? [<br key={`br-${n}`} />, ...inline(line, `${key}-${n}`)]
                : inline(line, `${key}-${n}`),
            )}
          </p>
        );
      })}
    </>
  );
}
