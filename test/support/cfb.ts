/**
 * A minimal writer of Compound File Binary files ([MS-CFB], version 3: 512-byte sectors, 64-byte mini sectors),
 * enough to build Outlook .msg test fixtures. It writes a fresh file in one go: no DIFAT sectors (so at most 109
 * FAT sectors, about 6.8 MB), no transactions, no time stamps.
 *
 * Layout: header | FAT sectors | directory sectors | mini FAT sectors | mini stream sectors | large streams.
 * The FAT comes first on purpose: @kenjiuno/msgreader treats a mini FAT starting at sector 0 as "no mini FAT".
 */

/** A storage (folder) or a stream (file) under a storage. */
export type CfbNode = CfbStorage | CfbStream;
export interface CfbStorage {
  name: string;
  children: CfbNode[];
}
export interface CfbStream {
  name: string;
  data: Uint8Array;
}

// 2.1 Compound File Sector Numbers and Types
const MAXREGSECT = 0xfffffffa;
const FATSECT = 0xfffffffd;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
// 2.6.1 Compound File Directory Entry: stream ID for "no sibling/child"
const NOSTREAM = 0xffffffff;

const SECTOR = 512;
const MINI_SECTOR = 64;
/** 2.2 Mini Stream Cutoff Size: streams smaller than this live in the mini stream. */
const MINI_CUTOFF = 4096;
const DIR_ENTRY = 128;
const IDS_PER_SECTOR = SECTOR / 4;
/** 2.2: the header holds the first 109 FAT sector locations (the DIFAT array). */
const HEADER_DIFAT = 109;

enum ObjectType {
  Storage = 1,
  Stream = 2,
  Root = 5,
}
enum Color {
  Red = 0,
  Black = 1,
}

interface Entry {
  name: string;
  type: ObjectType;
  color: Color;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
  data?: Uint8Array;
}

/** Builds the whole compound file; `root` is the root storage ("Root Entry" is written for its name). */
export function writeCfb(root: CfbStorage): Uint8Array {
  const entries: Entry[] = [];
  addStorage(entries, { name: 'Root Entry', children: root.children }, ObjectType.Root);

  // 2.7 / 2.4: small streams are packed into the mini stream in 64-byte mini sectors, chained by the mini FAT;
  // the others take whole sectors, chained by the FAT.
  const miniFat: number[] = [];
  const miniChunks: Uint8Array[] = [];
  const large: Entry[] = [];
  for (const e of entries) {
    if (e.type !== ObjectType.Stream || !e.data) continue;
    if (e.size === 0) {
      e.start = ENDOFCHAIN;
    } else if (e.size < MINI_CUTOFF) {
      e.start = miniFat.length;
      const count = Math.ceil(e.size / MINI_SECTOR);
      for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? ENDOFCHAIN : e.start + i + 1);
      miniChunks.push(padTo(e.data, count * MINI_SECTOR));
    } else {
      large.push(e);
    }
  }
  const miniStream = concat(miniChunks);

  const dirSectors = Math.ceil(entries.length / (SECTOR / DIR_ENTRY));
  const miniFatSectors = Math.ceil(miniFat.length / IDS_PER_SECTOR);
  const miniStreamSectors = Math.ceil(miniStream.length / SECTOR);
  const largeSectors = large.reduce((n, e) => n + Math.ceil(e.size / SECTOR), 0);
  const rest = dirSectors + miniFatSectors + miniStreamSectors + largeSectors;
  // 2.3: the FAT also maps its own sectors, so grow it until it covers everything including itself.
  let fatSectors = 1;
  while (fatSectors * IDS_PER_SECTOR < fatSectors + rest) fatSectors++;
  if (fatSectors > HEADER_DIFAT) throw new Error('cfb: file too large for a writer without DIFAT sectors');

  const fat: number[] = [];
  const chain = (count: number): number => {
    if (count === 0) return ENDOFCHAIN;
    const first = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? ENDOFCHAIN : first + i + 1);
    return first;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  for (const e of large) e.start = chain(Math.ceil(e.size / SECTOR));
  if (fat.length > MAXREGSECT) throw new Error('cfb: too many sectors');

  // 2.6.2 Root Directory Entry: its starting sector and size describe the mini stream.
  const rootEntry = entries[0] as Entry;
  rootEntry.start = miniStreamStart;
  rootEntry.size = miniStream.length;

  const out = new Uint8Array(SECTOR * (1 + fat.length));
  const view = new DataView(out.buffer);
  writeHeader(view, { fatSectors, dirStart, miniFatStart, miniFatSectors });
  const sectorOffset = (n: number) => SECTOR * (n + 1);

  // 2.3 Compound File FAT Sectors (unused slots are FREESECT).
  for (let i = 0; i < fatSectors * IDS_PER_SECTOR; i++)
    view.setUint32(sectorOffset(0) + 4 * i, fat[i] ?? FREESECT, true);
  // 2.6 Compound File Directory Sectors (unused entries stay free, see writeEntry).
  for (let i = 0; i < dirSectors * (SECTOR / DIR_ENTRY); i++)
    writeEntry(view, sectorOffset(dirStart) + i * DIR_ENTRY, entries[i]);
  // 2.4 Compound File Mini FAT Sectors.
  for (let i = 0; i < miniFatSectors * IDS_PER_SECTOR; i++)
    view.setUint32(sectorOffset(miniFatStart) + 4 * i, miniFat[i] ?? FREESECT, true);
  // 2.7 User-Defined Data Sectors: the mini stream, then each large stream in its own contiguous chain.
  if (miniStream.length) out.set(miniStream, sectorOffset(miniStreamStart));
  for (const e of large) out.set(e.data as Uint8Array, sectorOffset(e.start));
  return out;
}

/** Appends a storage and, recursively, its children; returns its stream ID. */
function addStorage(entries: Entry[], storage: CfbStorage, type: ObjectType): number {
  const id = entries.length;
  entries.push(blankEntry(storage.name, type));
  const ids = storage.children.map((c) =>
    'children' in c ? addStorage(entries, c, ObjectType.Storage) : addStream(entries, c),
  );
  (entries[id] as Entry).child = tree(entries, ids);
  return id;
}

function addStream(entries: Entry[], stream: CfbStream): number {
  const entry = blankEntry(stream.name, ObjectType.Stream);
  entry.data = stream.data;
  entry.size = stream.data.length;
  entries.push(entry);
  return entries.length - 1;
}

function blankEntry(name: string, type: ObjectType): Entry {
  // 2.6.1: at most 31 UTF-16 code units plus the terminating null; '/', '\', ':' and '!' are not allowed.
  if (name.length > 31 || /[/\\:!]/.test(name))
    throw new Error(`cfb: bad entry name ${JSON.stringify(name)}`);
  return {
    name,
    type,
    color: Color.Black,
    left: NOSTREAM,
    right: NOSTREAM,
    child: NOSTREAM,
    start: 0,
    size: 0,
  };
}

/**
 * 2.6.4 Red-Black Tree: the siblings under one storage form a binary search tree ordered by name length, then by
 * upper-cased UTF-16 code units. Built by median split, every level but the last is full; colouring the nodes of
 * an incomplete last level red (all others black) keeps the same black count on every path, and no red node has a
 * red child. Returns the ID of the tree's root (the parent's child pointer), or NOSTREAM.
 */
function tree(entries: Entry[], ids: number[]): number {
  const sorted = [...ids].sort((a, b) =>
    compareNames((entries[a] as Entry).name, (entries[b] as Entry).name),
  );
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [entries[sorted[i - 1] as number] as Entry, entries[sorted[i] as number] as Entry];
    if (compareNames(a.name, b.name) === 0) throw new Error(`cfb: duplicate name ${b.name}`);
  }
  const n = sorted.length;
  const lastLevel = 31 - Math.clz32(n); // depth of the last level: floor(log2 n)
  const perfect = (n & (n + 1)) === 0; // n = 2^k - 1: the last level is full
  const build = (lo: number, hi: number, depth: number): number => {
    if (lo > hi) return NOSTREAM;
    const mid = (lo + hi) >> 1;
    const id = sorted[mid] as number;
    const e = entries[id] as Entry;
    e.color = !perfect && depth === lastLevel ? Color.Red : Color.Black;
    e.left = build(lo, mid - 1, depth + 1);
    e.right = build(mid + 1, hi, depth + 1);
    return id;
  };
  return build(0, n - 1, 0);
}

function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = upper(a.charCodeAt(i)) - upper(b.charCodeAt(i));
    if (d) return d;
  }
  return 0;
}

function upper(code: number): number {
  const u = String.fromCharCode(code).toUpperCase();
  return u.length === 1 ? u.charCodeAt(0) : code;
}

/** 2.2 Compound File Header. */
function writeHeader(
  v: DataView,
  h: { fatSectors: number; dirStart: number; miniFatStart: number; miniFatSectors: number },
): void {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  signature.forEach((b, i) => {
    v.setUint8(i, b);
  });
  // 0x08 Header CLSID: all zero.
  v.setUint16(0x18, 0x003e, true); // minor version
  v.setUint16(0x1a, 0x0003, true); // major version 3
  v.setUint16(0x1c, 0xfffe, true); // byte order: little-endian
  v.setUint16(0x1e, 9, true); // sector shift: 2^9 = 512
  v.setUint16(0x20, 6, true); // mini sector shift: 2^6 = 64
  // 0x22 reserved (6 bytes); 0x28 number of directory sectors: MUST be 0 in version 3.
  v.setUint32(0x2c, h.fatSectors, true);
  v.setUint32(0x30, h.dirStart, true);
  // 0x34 transaction signature: 0.
  v.setUint32(0x38, MINI_CUTOFF, true);
  v.setUint32(0x3c, h.miniFatSectors ? h.miniFatStart : ENDOFCHAIN, true);
  v.setUint32(0x40, h.miniFatSectors, true);
  v.setUint32(0x44, ENDOFCHAIN, true); // first DIFAT sector: none
  v.setUint32(0x48, 0, true); // number of DIFAT sectors
  // 0x4C DIFAT: the FAT is in sectors 0 … fatSectors-1.
  for (let i = 0; i < HEADER_DIFAT; i++) v.setUint32(0x4c + 4 * i, i < h.fatSectors ? i : FREESECT, true);
}

/** 2.6.1 Compound File Directory Entry; an absent entry is written as a free one (2.6.3: type 0, IDs NOSTREAM). */
function writeEntry(v: DataView, at: number, e: Entry | undefined): void {
  if (!e) {
    for (const off of [0x44, 0x48, 0x4c]) v.setUint32(at + off, NOSTREAM, true);
    return;
  }
  for (let i = 0; i < e.name.length; i++) v.setUint16(at + 2 * i, e.name.charCodeAt(i), true);
  v.setUint16(at + 0x40, 2 * (e.name.length + 1), true); // name length in bytes, with the terminating null
  v.setUint8(at + 0x42, e.type);
  v.setUint8(at + 0x43, e.color);
  v.setUint32(at + 0x44, e.left, true);
  v.setUint32(at + 0x48, e.right, true);
  v.setUint32(at + 0x4c, e.child, true);
  // 0x50 CLSID, 0x60 state bits, 0x64/0x6C creation/modified times: zero.
  v.setUint32(at + 0x74, e.type === ObjectType.Storage ? 0 : e.start, true);
  v.setUint32(at + 0x78, e.size, true); // stream size (low 32 bits; the high half stays 0 in version 3)
}

function padTo(data: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set(data);
  return out;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
