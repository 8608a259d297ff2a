// The first fix a guide gives, for the "at a glance" box at the top of an error page: the first
// paragraph or list item under "## How to fix", rendered from the few inline Markdown forms the
// guides use (code, bold, links). Everything else is escaped.

const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Inline Markdown (`code`, **bold**, [text](url)) to HTML; any other character is text. */
export function inlineMarkdown(md: string): string {
  return md
    .split(/(`[^`]+`)/)
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return `<code>${escape(part.slice(1, -1))}</code>`;
      return escape(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, text: string, url: string) => `<a href="${url}">${text}</a>`);
    })
    .join('');
}

/** The first paragraph or list item of the guide's "How to fix" section (`heading` in a translation), as Markdown on one line. */
export function firstFix(body: string, heading = 'How to fix'): string | undefined {
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const section = new RegExp(`^## ${escaped}[^\\n]*\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(body)?.[1];
  if (!section) return undefined;
  const block = section
    .trim()
    .split(/\n\s*\n|\n(?=- )/)
    .map((b) => b.trim())
    .find((b) => b && !b.startsWith('```') && !b.startsWith('<') && !b.startsWith('|'));
  return block?.replace(/^- /, '').replace(/\s*\n\s*/g, ' ');
}
