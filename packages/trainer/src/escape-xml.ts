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

/** `text` safe to place between tags or inside a quoted attribute. */
export function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
