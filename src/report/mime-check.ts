import { escapeRegExp } from '../engine/analysis/text.js';

/** A small MIME reader for tests: the top-level parts of a multipart message, split by its boundary. */
export interface Part {
  headers: Record<string, string>;
  body: string;
}

export function splitHeaders(text: string): Part {
  const at = text.search(/\r?\n\r?\n/);
  const head = at < 0 ? text : text.slice(0, at);
  const body = at < 0 ? '' : text.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

export function param(value: string, name: string): string | null {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m?.[1] ?? m?.[2] ?? null;
}

export function multipartParts(raw: string): { root: Part; parts: Part[] } {
  const root = splitHeaders(raw);
  const boundary = param(root.headers['content-type'] ?? '', 'boundary');
  if (!boundary) return { root, parts: [] };
  const chunks = root.body.split(new RegExp(`\\r?\\n?--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?\\n`));
  // chunks[0] is the preamble; the last one follows the closing delimiter.
  const inner = chunks.slice(1, -1).length ? chunks.slice(1, -1) : chunks.slice(1);
  return { root, parts: inner.map(splitHeaders) };
}

/** The fields of a message/feedback-report body (name lower-cased → values). */
export function reportFields(body: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of body.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const k = line.slice(0, i).trim().toLowerCase();
    out.set(k, [...(out.get(k) ?? []), line.slice(i + 1).trim()]);
  }
  return out;
}
