import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';
import { listArchive } from './archive.js';

/** Files that run code when opened (Windows, scripts, disk images, installers, Android apps, iOS profiles). */
const EXECUTABLE = new Set([
  'exe',
  'scr',
  'com',
  'pif',
  'cpl',
  'msi',
  'msp',
  'msc',
  'dll',
  'bat',
  'cmd',
  'ps1',
  'psm1',
  'vbs',
  'vbe',
  'js',
  'jse',
  'wsf',
  'wsh',
  'hta',
  'jar',
  'lnk',
  'scf',
  'reg',
  'chm',
  'iso',
  'img',
  'vhd',
  'vhdx',
  'appx',
  'msix',
  'appinstaller',
  'application',
  'gadget',
  'one',
  'apk',
  'xapk',
  'mobileconfig',
  'app',
  'dmg',
  'pkg',
  'command',
  'sh',
]);
/** Internet shortcuts: they open a web page (or a remote file share), not a program of their own. */
const SHORTCUT = new Set(['url', 'website', 'webloc']);
/** Office files that carry macros. */
const MACRO = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm']);
const MIME =
  /^application\/(?:x-msdownload|x-ms-dos-executable|x-msdos-program|x-dosexec|x-ms-installer|x-msi|vnd\.microsoft\.portable-executable|hta|x-ms-shortcut|vnd\.android\.package-archive|x-apple-aspen-config|java-archive)$/;
/** What a file pretends to be in `invoice.pdf.exe`. */
const DECOY = /\.(?:pdf|docx?|xlsx?|pptx?|txt|rtf|jpe?g|png|gif|html?|zip|csv)$/i;
const RTLO = /[\u202a-\u202e\u2066-\u2069]/;

type Kind = 'executable' | 'macro' | 'shortcut' | 'double' | 'rtlo';

export interface Risky {
  name: string;
  kind: Kind;
  ext: string;
}

/** Why a file name is dangerous, or null. */
export function riskyName(name: string, mimeType = ''): Risky | null {
  const clean = name.trim().toLowerCase();
  if (RTLO.test(clean)) return { name, kind: 'rtlo', ext: '' };
  const m = /\.([a-z0-9]{1,14})$/.exec(clean);
  const ext = m?.[1] ?? '';
  const isExe = EXECUTABLE.has(ext) || (!m && MIME.test(mimeType));
  if (isExe) {
    const stem = clean.slice(0, clean.length - ext.length - 1).trimEnd();
    const doubled = DECOY.test(stem) || /\s{3,}$/.test(clean.slice(0, clean.length - ext.length - 1));
    return { name, kind: doubled ? 'double' : 'executable', ext };
  }
  if (MACRO.has(ext)) return { name, kind: 'macro', ext };
  if (SHORTCUT.has(ext)) return { name, kind: 'shortcut', ext };
  return null;
}

const WEIGHT: Record<Kind, number> = { rtlo: 45, double: 45, executable: 40, macro: 30, shortcut: 15 };

const MESSAGES: Record<Kind, (n: string) => { ja: string; en: string }> = {
  executable: (n) => ({
    ja: `添付ファイル「${n}」は開くとプログラムが実行される種類のファイルです。開かないでください`,
    en: `The attachment "${n}" is a file that runs a program when opened; do not open it`,
  }),
  macro: (n) => ({
    ja: `添付ファイル「${n}」はマクロ付きのOfficeファイルです。マクロを有効にするとウイルスに感染するおそれがあります`,
    en: `The attachment "${n}" is an Office file with macros; enabling them can install malware`,
  }),
  shortcut: (n) => ({
    ja: `添付ファイル「${n}」はインターネットショートカットです。開くとWebサイトや外部のファイルに接続されます`,
    en: `The attachment "${n}" is an internet shortcut: opening it connects to a website or a remote file`,
  }),
  double: (n) => ({
    ja: `添付ファイル「${n}」は文書に見せかけたプログラムです（二重拡張子）`,
    en: `The attachment "${n}" is a program disguised as a document (double extension)`,
  }),
  rtlo: (n) => ({
    ja: `添付ファイル「${n}」は文字の向きを反転する特殊文字で本当の拡張子を隠しています`,
    en: `The attachment "${n}" hides its real extension with a text-direction control character`,
  }),
};

/** Attachments (or files inside attached ZIPs) that run code when opened. */
export default defineRule({
  meta: {
    id: 'content/executable-attachment',
    family: 'content',
    category: 'phishing',
    weight: 40,
    description: {
      ja: '開くとプログラムが実行される添付ファイル（実行ファイル、スクリプト、マクロ付き文書、二重拡張子）',
      en: 'An attachment that runs code when opened (program, script, macro document, double extension)',
    },
  },
  check({ message }) {
    const found: { risky: Risky; where: string; inArchive: boolean }[] = [];
    for (const a of message.attachments) {
      const name = a.filename ?? '';
      const own = riskyName(name, a.mimeType);
      if (own) found.push({ risky: own, where: `attachment:${name || a.mimeType}`, inArchive: false });
      const listing = listArchive(a.content, a.filename);
      for (const e of listing?.entries ?? []) {
        const inner = riskyName(e.name.split('/').pop() ?? e.name);
        if (inner) found.push({ risky: inner, where: `attachment:${name || 'archive'}`, inArchive: true });
      }
    }
    if (!found.length) return null;
    const rank: Kind[] = ['rtlo', 'double', 'executable', 'macro', 'shortcut'];
    found.sort((a, b) => rank.indexOf(a.risky.kind) - rank.indexOf(b.risky.kind));
    const first = found[0];
    if (!first) return null;
    const display = first.risky.name || '(no name)';
    const msg = MESSAGES[first.risky.kind](display);
    const evidence: Evidence[] = found
      .slice(0, 5)
      .map((f) => ({ kind: 'attachment', value: f.risky.name || '(no name)', where: f.where }));
    return {
      evidence,
      weight: WEIGHT[first.risky.kind],
      message: first.inArchive
        ? {
            ja: `添付の圧縮ファイルの中身: ${msg.ja}`,
            en: `Inside the attached archive: ${msg.en}`,
          }
        : msg,
    };
  },
});
