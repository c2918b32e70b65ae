import { describe, expect, it } from 'vitest';
import { escapeHtml, singleLine } from '../../../shared/mail/escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});

describe('singleLine', () => {
  it('turns CR, LF, tabs, NUL and Unicode line separators into single spaces', () => {
    expect(singleLine('a\r\nb\tc\u0000d\u2028e\u2029f\u0085g')).toBe('a b c d e f g');
  });

  it('trims and bounds the length', () => {
    expect(singleLine('  x  ')).toBe('x');
    expect(singleLine('y'.repeat(300), 10)).toBe(`${'y'.repeat(9)}…`);
  });
});
