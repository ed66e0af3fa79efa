/**
 * Escaping for text and attribute values of SVG/HTML documents built as strings: the five XML
 * special characters become entities, and control characters (invalid in XML 1.0) are dropped,
 * so a file name such as `<script>.csv` stays text.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Control characters other than tab, line feed and carriage return (not allowed in XML 1.0). */
const isInvalidControl = (code: number): boolean =>
  code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;

/** `text` safe to place between tags or inside a quoted attribute. */
export function escapeXml(text: string): string {
  let out = '';
  for (const c of text) {
    if (isInvalidControl(c.charCodeAt(0))) continue;
    out += ENTITIES[c] ?? c;
  }
  return out;
}
