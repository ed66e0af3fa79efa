import { describe, expect, it } from 'vitest';
import { escapeXml } from './escape-xml.ts';

describe('escapeXml', () => {
  it('turns markup into text: no element, no attribute break-out', () => {
    expect(escapeXml('<script>alert("x")</script>&\'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;',
    );
  });

  it('keeps ordinary text and drops XML-invalid control characters', () => {
    expect(escapeXml('mnist1d: 40-63-10 relu, lr 0.0025 — épоch')).toBe(
      'mnist1d: 40-63-10 relu, lr 0.0025 — épоch',
    );
    expect(escapeXml('a\u0000b\u001bc\td\ne')).toBe('abc\td\ne');
  });
});
