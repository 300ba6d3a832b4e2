/** Just enough of ZIP, RAR and 7z to list names and see encryption, without unpacking anything. */

export type ArchiveKind = 'zip' | 'rar' | '7z';

export interface ArchiveEntry {
  name: string;
  /** ZIP general-purpose flag bit 0: the entry is encrypted. */
  encrypted: boolean;
}

export interface ArchiveListing {
  kind: ArchiveKind;
  entries: ArchiveEntry[];
}

const MAX_SCAN = 16 * 1024 * 1024;
const MAX_ENTRIES = 500;

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

export function archiveKind(content: Uint8Array, filename: string | null): ArchiveKind | null {
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(content, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (startsWith(content, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  const ext = filename?.toLowerCase().split('.').pop() ?? '';
  if (ext === 'zip') return 'zip';
  if (ext === 'rar') return 'rar';
  if (ext === '7z') return '7z';
  return null;
}

/**
 * Lists a ZIP's entries from its local file headers and central directory (names are stored in clear even
 * when the contents are encrypted). RAR and 7z are recognised but not listed.
 */
export function listArchive(content: Uint8Array, filename: string | null): ArchiveListing | null {
  const kind = archiveKind(content, filename);
  if (!kind) return null;
  if (kind !== 'zip') return { kind, entries: [] };
  const entries: ArchiveEntry[] = [];
  const seen = new Set<string>();
  const end = Math.min(content.length, MAX_SCAN);
  const u16 = (at: number) => (content[at] ?? 0) | ((content[at + 1] ?? 0) << 8);
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i + 46 <= end && entries.length < MAX_ENTRIES; i++) {
    if (content[i] !== 0x50 || content[i + 1] !== 0x4b) continue;
    let flags: number;
    let nameLen: number;
    let nameAt: number;
    if (content[i + 2] === 0x03 && content[i + 3] === 0x04) {
      flags = u16(i + 6);
      nameLen = u16(i + 26);
      nameAt = i + 30;
    } else if (content[i + 2] === 0x01 && content[i + 3] === 0x02) {
      flags = u16(i + 8);
      nameLen = u16(i + 28);
      nameAt = i + 46;
    } else continue;
    if (nameLen === 0 || nameLen > 1024 || nameAt + nameLen > content.length) continue;
    const name = decoder.decode(content.subarray(nameAt, nameAt + nameLen));
    // A signature found inside compressed data gives garbage: keep names made of printable characters.
    if (/[\u0000-\u001f\ufffd]/.test(name)) continue;
    const encrypted = (flags & 1) === 1;
    const key = `${name}\u0000${encrypted}`;
    if (!seen.has(key)) {
      seen.add(key);
      entries.push({ name, encrypted });
    }
  }
  return { kind, entries };
}
