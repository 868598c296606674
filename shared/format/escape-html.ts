/**
 * Escapes text for insertion into HTML. ECharts puts tooltip formatter output into
 * innerHTML unescaped, and product lines or customer names come from imported files.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
