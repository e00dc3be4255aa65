// Text on the generated covers (cover-art.ts): fonts, escaping, and titles wrapped and sized to fit.

// Latin first so Latin titles keep their usual face; the CJK fonts then cover Chinese, Japanese
// and Korean titles (browsers fall back glyph by glyph through the stack).
const CJK_FALLBACK =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Hiragino Sans', 'Microsoft YaHei', 'Noto Sans CJK JP', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic'";
export const SANS = `'Helvetica Neue', Helvetica, Arial, ${CJK_FALLBACK}, sans-serif`;
export const SERIF = `Georgia, 'Times New Roman', 'Noto Serif CJK SC', 'Songti SC', ${CJK_FALLBACK}, serif`;

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(input: string): string {
  return input
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

/** Rough advance width of one character in ems; good enough to wrap and size titles. */
function charWidth(char: string): number {
  if (WIDE.test(char)) return 1;
  if (char === ' ') return 0.28;
  if ("iljI.,:;!|'’".includes(char)) return 0.3;
  if ('mwMW@'.includes(char)) return 0.86;
  if (/[A-Z0-9]/.test(char)) return 0.66;
  return 0.55;
}

function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of Array.from(text)) width += charWidth(char);
  return width * size;
}

/** Splits into wrap units: words, and single characters inside CJK runs (which have no spaces). */
function wrapUnits(text: string): string[] {
  const units: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let buffer = '';
    for (const char of Array.from(word)) {
      if (WIDE.test(char)) {
        if (buffer) units.push(buffer);
        buffer = '';
        units.push(char);
      } else {
        buffer += char;
      }
    }
    if (buffer) units.push(buffer);
    units.push(' ');
  }
  units.pop();
  return units;
}

function wrap(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of wrapUnits(text)) {
    if (unit === ' ') {
      if (line) line += ' ';
      continue;
    }
    const candidate = line + unit;
    if (line.trim() && textWidth(candidate, size) > maxWidth) {
      lines.push(line.trim());
      line = unit;
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

export type TextBlock = { lines: string[]; size: number };

/** The largest font size (between max and min) at which the text fits the box; truncated if it never does. */
export function fitText(
  text: string,
  box: { width: number; maxLines: number; maxSize: number; minSize: number },
): TextBlock {
  const clean = text.replace(/\s+/g, ' ').trim() || 'Untitled';
  for (let size = box.maxSize; size >= box.minSize; size -= 2) {
    const lines = wrap(clean, size, box.width);
    if (lines.length <= box.maxLines && lines.every((l) => textWidth(l, size) <= box.width)) return { lines, size };
  }
  const lines = wrap(clean, box.minSize, box.width).slice(0, box.maxLines);
  let last = lines[lines.length - 1] ?? '';
  while (Array.from(last).length > 1 && textWidth(`${last}…`, box.minSize) > box.width) {
    last = Array.from(last).slice(0, -1).join('');
  }
  lines[lines.length - 1] = `${last.trimEnd()}…`;
  return { lines, size: box.minSize };
}

export type TextOptions = {
  x: number;
  /** Baseline of the first line. */
  y: number;
  anchor: 'start' | 'middle';
  fill: string;
  family: string;
  weight: number;
  letterSpacing?: number;
  extra?: string;
};

export function textElement(block: TextBlock, o: TextOptions): string {
  const lineHeight = Math.round(block.size * 1.12);
  const spans = block.lines
    .map((line, i) => `<tspan x="${o.x}" dy="${i === 0 ? 0 : lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  const spacing = o.letterSpacing ? ` letter-spacing="${o.letterSpacing}"` : '';
  return (
    `<text x="${o.x}" y="${o.y}" text-anchor="${o.anchor}" font-family="${o.family}" font-size="${block.size}" ` +
    `font-weight="${o.weight}" fill="${o.fill}"${spacing}${o.extra ?? ''}>${spans}</text>`
  );
}

export function blockHeight(block: TextBlock): number {
  return block.size + (block.lines.length - 1) * Math.round(block.size * 1.12);
}

// ---------------------------------------------------------------------------------------------
