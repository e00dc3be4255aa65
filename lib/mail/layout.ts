import { env } from '@/lib/env';

/**
 * The one email layout: templates describe a mail as blocks, and this file turns the blocks into
 * HTML (table-based with inline styles, because email clients ignore most stylesheets) and into a
 * plain-text twin. Every string is escaped here, so templates never write markup themselves.
 */

/** A link at the end of a paragraph, e.g. "Questions? <Read the help pages>". */
export type InlineLink = { label: string; url: string };

export type MailBlock =
  | { kind: 'paragraph'; text: string; link?: InlineLink }
  /** Small grey text: expiry notices, "if this wasn't you". */
  | { kind: 'note'; text: string; link?: InlineLink }
  /** A call to action; the URL is also printed under it for clients that hide buttons. */
  | { kind: 'button'; label: string; url: string }
  /** Label/value rows such as order number, carrier and tracking number; a value may be a link. */
  | { kind: 'details'; rows: { label: string; value: string; url?: string }[] };

export type MailContent = {
  subject: string;
  /** The preview line that inboxes show after the subject. */
  preheader: string;
  heading: string;
  blocks: MailBlock[];
};

/** Words of the layout itself, in the mail's language. */
export type LayoutStrings = {
  lang: string;
  tagline: string;
  buttonFallback: string;
  footer: string;
  signOff: string;
  /** Shown where a link carrying a secret was left out (a stored mail shown to staff). */
  hiddenLink: string;
};

/**
 * Stands for a link that carries a secret when a stored mail is shown to someone other than its
 * recipient (lib/mail/secret-links.ts): the layout prints `hiddenLink` there instead of any URL.
 */
export const HIDDEN_LINK = 'hidden-link:';

const isHidden = (url: string | undefined) => url === HIDDEN_LINK;

export type RenderedMail = { subject: string; html: string; text: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * An absolute http(s) URL for a mail link. A path ("/account/reset?token=…") is resolved against
 * SITE_URL, keeping any path prefix the store is served under; any other scheme (javascript:,
 * data:) is refused, because a mail link cannot be checked once it has left.
 */
export function absoluteUrl(pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return new URL(pathOrUrl).toString();
  if (pathOrUrl.startsWith('/') && !pathOrUrl.startsWith('//')) {
    return new URL(env.SITE_URL.replace(/\/+$/, '') + pathOrUrl).toString();
  }
  throw new Error(`Mail links must be absolute http(s) URLs or site paths, got: ${pathOrUrl}`);
}

const FONT =
  "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,'PingFang SC','Hiragino Sans GB','Microsoft YaHei',sans-serif";
const INK = '#11161f';
const MUTED = '#6b7280';
const BRAND = '#d02b31';
const LINK = '#ac1922';

/** Escaped text with line breaks kept. */
const lines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

function link(url: string, label: string, style: string): string {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener" style="${style}">${escapeHtml(label)}</a>`;
}

/** The words of a hidden link: its label, then the notice, never a URL. */
const hiddenHtml = (label: string, strings: LayoutStrings) =>
  `${escapeHtml(label)} <em style="color:${MUTED};">[${escapeHtml(strings.hiddenLink)}]</em>`;

const inlineLink = (strings: LayoutStrings, target?: InlineLink) =>
  !target
    ? ''
    : isHidden(target.url)
      ? ` ${hiddenHtml(target.label, strings)}`
      : ` ${link(absoluteUrl(target.url), target.label, `color:${LINK};`)}`;

function blockHtml(block: MailBlock, strings: LayoutStrings): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;">${lines(block.text)}${inlineLink(strings, block.link)}</p>`;
    case 'note':
      return `<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:${MUTED};">${lines(block.text)}${inlineLink(strings, block.link)}</p>`;
    case 'button': {
      if (isHidden(block.url)) {
        return `<p style="margin:8px 0 20px;padding:12px 16px;border:1px dashed ${MUTED};border-radius:6px;">${hiddenHtml(block.label, strings)}</p>`;
      }
      const url = absoluteUrl(block.url);
      const button = link(
        url,
        block.label,
        `display:inline-block;padding:12px 28px;font-family:${FONT};font-size:16px;font-weight:600;line-height:1.25;color:#ffffff;text-decoration:none;border-radius:6px;`,
      );
      const fallback = link(url, url, `color:${LINK};word-break:break-all;`);
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 12px;">` +
        `<tr><td align="center" bgcolor="${BRAND}" style="border-radius:6px;background-color:${BRAND};">${button}</td></tr></table>` +
        `<p style="margin:0 0 20px;font-size:13px;line-height:1.5;color:${MUTED};">${escapeHtml(strings.buttonFallback)}<br>${fallback}</p>`
      );
    }
    case 'details': {
      const rows = block.rows
        .map((row) => {
          const value =
            row.url && !isHidden(row.url) ? link(absoluteUrl(row.url), row.value, `color:${LINK};`) : lines(row.value);
          return (
            `<tr><td style="padding:6px 16px 6px 0;color:${MUTED};vertical-align:top;white-space:nowrap;">${escapeHtml(row.label)}</td>` +
            `<td style="padding:6px 0;vertical-align:top;">${value}</td></tr>`
          );
        })
        .join('');
      return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;font-size:15px;line-height:1.5;">${rows}</table>`;
    }
  }
}

function blockText(block: MailBlock, colon: string, strings: LayoutStrings): string {
  const target = (url: string) => (isHidden(url) ? `[${strings.hiddenLink}]` : absoluteUrl(url));
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return block.link ? `${block.text}\n${block.link.label}${colon}${target(block.link.url)}` : block.text;
    case 'button':
      return `${block.label}${colon.trimEnd()}\n${target(block.url)}`;
    case 'details':
      return block.rows
        .map(
          (row) =>
            `${row.label}${colon}${row.value}${row.url && !isHidden(row.url) ? `\n${absoluteUrl(row.url)}` : ''}`,
        )
        .join('\n');
  }
}

/** The HTML document of a mail. */
export function renderHtml(content: MailContent, strings: LayoutStrings): string {
  const home = absoluteUrl('/');
  const body = content.blocks.map((block) => blockHtml(block, strings)).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(strings.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(content.subject)}</title>
<style>@media (max-width: 620px) { .encore-card { padding: 24px 20px !important; } }</style>
</head>
<body style="margin:0;padding:0;background-color:#f5f5f4;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">${escapeHtml(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f5f5f4;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;">
<tr><td style="padding:0 4px 16px;font-family:${FONT};">${link(home, 'Encore', `font-size:24px;font-weight:700;color:${BRAND};text-decoration:none;`)}<span style="font-size:13px;color:${MUTED};">&nbsp;&nbsp;${escapeHtml(strings.tagline)}</span></td></tr>
<tr><td class="encore-card" style="background-color:#ffffff;border:1px solid #e7e5e4;border-radius:8px;padding:32px 40px;font-family:${FONT};font-size:16px;line-height:1.6;color:${INK};">
<h1 style="margin:0 0 20px;font-size:22px;line-height:1.3;font-weight:700;color:${INK};">${escapeHtml(content.heading)}</h1>
${body}
<p style="margin:24px 0 0;">${escapeHtml(strings.signOff)}</p>
</td></tr>
<tr><td style="padding:20px 4px;font-family:${FONT};font-size:12px;line-height:1.5;color:${MUTED};text-align:center;">${escapeHtml(strings.footer)}<br>${link(home, home, `color:${MUTED};`)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** The plain-text version: the same words, each link on a line of its own. */
export function renderText(content: MailContent, strings: LayoutStrings): string {
  // Chinese text takes the full-width colon, which carries its own spacing.
  const colon = strings.lang.startsWith('zh') ? '：' : ': ';
  const parts = [
    `Encore · ${strings.tagline}`,
    content.heading,
    ...content.blocks.map((block) => blockText(block, colon, strings)),
    strings.signOff,
    // "-- " is the conventional signature separator that mail clients recognize.
    `-- \n${strings.footer}\n${absoluteUrl('/')}`,
  ];
  return `${parts.join('\n\n')}\n`;
}

/** Both versions of a mail. */
export function renderLayout(content: MailContent, strings: LayoutStrings): RenderedMail {
  return { subject: content.subject, html: renderHtml(content, strings), text: renderText(content, strings) };
}
