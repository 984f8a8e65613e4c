import { describe, expect, it } from 'vitest';
import { parseTags } from './options';
import { formatSize, problemForStatus } from './upload';

describe('uploads', () => {
  it('names what went wrong from the status the server answered', () => {
    expect(problemForStatus(413)).toBe('tooLarge');
    expect(problemForStatus(401)).toBe('signedOut');
    expect(problemForStatus(429)).toBe('rateLimited');
    expect(problemForStatus(0)).toBe('interrupted');
    expect(problemForStatus(500)).toBe('failed');
  });

  it('shows sizes the way people read them, in their language', () => {
    expect(formatSize(120, 'en')).toBe('120 B');
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(3 * 1024 * 1024, 'ru')).toBe('3 MB');
    expect(formatSize(2.5 * 1024 * 1024, 'ru')).toBe('2,5 MB');
    expect(formatSize(200 * 1024 * 1024, 'kk')).toBe('200 MB');
  });

  it('reads tags separated by commas, without blanks or repeats', () => {
    expect(parseTags(' procurement, whistleblowing ,, procurement,')).toEqual([
      'procurement',
      'whistleblowing',
    ]);
  });
});
