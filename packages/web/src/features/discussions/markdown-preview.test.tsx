import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownPreview } from './markdown-preview';

describe('the Markdown preview', () => {
  it('shows HTML as text, never as markup', () => {
    const { container } = render(
      <MarkdownPreview source={'<script>alert(1)</script> <img src=x onerror=alert(1)>'} />,
    );
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('previews the common marks and links only to the web', () => {
    const { container } = render(
      <MarkdownPreview
        source={
          '**bold** and *soft* and `code`\n\n> quoted\n\n- one\n- two\n\n[ok](https://adal.kz) [bad](javascript:alert(1))'
        }
      />,
    );
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('soft');
    expect(container.querySelector('code')?.textContent).toBe('code');
    expect(container.querySelector('blockquote')?.textContent).toBe('quoted');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://adal.kz');
    expect(links[0]?.getAttribute('rel')).toContain('nofollow');
  });
});
