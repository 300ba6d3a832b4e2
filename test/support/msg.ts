/**
 * Builds Outlook .msg files ([MS-OXMSG]) for tests, on top of the compound-file writer in ./cfb.ts.
 * Only what a received mail carries and @kenjiuno/msgreader reads: the message properties, the transport headers,
 * the bodies and attachments by value. No recipients table; the named property mapping storage is present but empty.
 */
import { type CfbNode, type CfbStorage, writeCfb } from './cfb.js';

export interface MsgAttachment {
  name: string;
  /** null: attached by reference (afByReference), with a path and no content stream. */
  data: Uint8Array | string | null;
  mimeType?: string;
  /** Leave out PidTagAttachLongFilename (3707), keeping only the 8.3 name (3704), as some clients write it. */
  shortNameOnly?: boolean;
}

export interface MsgSpec {
  subject: string;
  body: string;
  /** Stored as PidTagHtml (binary, UTF-8, with PidTagInternetCodepage 65001), as Outlook stores received HTML. */
  html?: string;
  senderName: string;
  senderEmail: string;
  /** PidTagTransportMessageHeaders: the header block of the message as received; '' leaves the property out. */
  transportHeaders: string;
  attachments?: MsgAttachment[];
  /** PidTagMessageDeliveryTime. */
  delivered?: Date;
}

// [MS-OXCDATA] 2.11.1 property types
const PT_LONG = 0x0003;
const PT_BOOLEAN = 0x000b;
const PT_SYSTIME = 0x0040;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;

/** [MS-OXMSG] 2.4.2 property flags: PROPATTR_READABLE | PROPATTR_WRITABLE. */
const FLAGS = 0x2 | 0x4;

type Value = string | Uint8Array | number | boolean | Date;
type Props = [tag: number, value: Value][];

export function buildMsg(spec: MsgSpec): Uint8Array {
  const attachments = spec.attachments ?? [];
  const props: Props = [
    [0x001a001f, 'IPM.Note'], // PidTagMessageClass
    [0x0037001f, spec.subject], // PidTagSubject
    [0x1000001f, spec.body], // PidTagBody
    [0x0c1a001f, spec.senderName], // PidTagSenderName
    [0x0c1e001f, 'SMTP'], // PidTagSenderAddressType
    [0x0c1f001f, spec.senderEmail], // PidTagSenderEmailAddress
    [0x5d01001f, spec.senderEmail], // PidTagSenderSmtpAddress
    [0x0042001f, spec.senderName], // PidTagSentRepresentingName
    [0x0065001f, spec.senderEmail], // PidTagSentRepresentingEmailAddress
    [0x0e070003, 0x1], // PidTagMessageFlags: mfRead
    [0x0e1b000b, attachments.length > 0], // PidTagHasAttachments
    [0x3fde0003, 65001], // PidTagInternetCodepage: UTF-8
    [0x0e060040, spec.delivered ?? new Date('2026-11-20T09:00:00Z')], // PidTagMessageDeliveryTime
  ];
  if (spec.transportHeaders) props.push([0x007d001f, spec.transportHeaders]); // PidTagTransportMessageHeaders
  if (spec.html !== undefined) props.push([0x10130102, new TextEncoder().encode(spec.html)]); // PidTagHtml

  // [MS-OXMSG] 2.4.1.1: the top-level property stream header: reserved (8), next recipient ID, next attachment
  // ID, recipient count, attachment count (4 each), reserved (8).
  const header = new Uint8Array(32);
  const h = new DataView(header.buffer);
  h.setUint32(12, attachments.length, true);
  h.setUint32(20, attachments.length, true);

  const children: CfbNode[] = [
    ...propertyNodes(props, header),
    // 2.2.3 Named Property Mapping Storage: GUID, entry and string streams (empty: no named properties).
    {
      name: '__nameid_version1.0',
      children: [0x00020102, 0x00030102, 0x00040102].map((tag) => ({
        name: streamName(tag),
        data: new Uint8Array(0),
      })),
    },
    ...attachments.map(attachmentStorage),
  ];
  return writeCfb({ name: 'Root Entry', children });
}

/** 2.2.2 Attachment Object Storage, `__attach_version1.0_#` and the attachment number in 8 hex digits. */
function attachmentStorage(a: MsgAttachment, index: number): CfbStorage {
  const data = typeof a.data === 'string' ? new TextEncoder().encode(a.data) : a.data;
  const dot = a.name.lastIndexOf('.');
  const ext = dot >= 0 ? a.name.slice(dot) : '';
  const stem = (dot >= 0 ? a.name.slice(0, dot) : a.name).replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const props: Props = [
    [0x3704001f, `${stem.slice(0, 6) || 'FILE'}~1${ext.slice(0, 4).toUpperCase()}`], // PidTagAttachFilename
    [0x3703001f, ext], // PidTagAttachExtension
    [0x370e001f, a.mimeType ?? 'application/octet-stream'], // PidTagAttachMimeTag
    [0x3001001f, a.name], // PidTagDisplayName
    [0x37050003, data ? 1 : 2], // PidTagAttachMethod: afByValue, afByReference
    [0x0e210003, index], // PidTagAttachNumber
    [0x370b0003, 0xffffffff], // PidTagRenderingPosition: not rendered in the body
  ];
  if (!a.shortNameOnly) props.push([0x3707001f, a.name]); // PidTagAttachLongFilename
  if (data)
    props.push([0x37010102, data]); // PidTagAttachDataBinary
  else props.push([0x370d001f, `\\\\files.example\\share\\${a.name}`]); // PidTagAttachLongPathname
  // 2.4.1.3: attachment and recipient property streams have an 8-byte reserved header.
  return { name: `__attach_version1.0_#${hex8(index)}`, children: propertyNodes(props, new Uint8Array(8)) };
}

/**
 * 2.1 / 2.4: variable-length values go to their own `__substg1.0_TTTTtttt` streams; every property gets a 16-byte
 * entry in `__properties_version1.0` (2.4.2.1 fixed: the value itself; 2.4.2.2 variable: the stream's size).
 */
function propertyNodes(props: Props, header: Uint8Array): CfbNode[] {
  const streams: CfbNode[] = [];
  const table = new Uint8Array(header.length + 16 * props.length);
  table.set(header);
  const v = new DataView(table.buffer);
  props.forEach(([tag, value], i) => {
    const at = header.length + 16 * i;
    v.setUint32(at, tag, true);
    v.setUint32(at + 4, FLAGS, true);
    const type = tag & 0xffff;
    if (type === PT_UNICODE || type === PT_BINARY) {
      const data = type === PT_UNICODE ? utf16le(value as string) : (value as Uint8Array);
      streams.push({ name: streamName(tag), data });
      // 2.4.2.2: for strings the size counts the terminating null, which the stream itself leaves out.
      v.setUint32(at + 8, data.length + (type === PT_UNICODE ? 2 : 0), true);
    } else if (type === PT_LONG) {
      v.setUint32(at + 8, value as number, true);
    } else if (type === PT_BOOLEAN) {
      v.setUint16(at + 8, value ? 1 : 0, true);
    } else if (type === PT_SYSTIME) {
      // FILETIME: 100 ns ticks since 1601-01-01.
      const ticks = BigInt((value as Date).getTime()) * 10000n + 116444736000000000n;
      v.setBigUint64(at + 8, ticks, true);
    } else {
      throw new Error(`msg: unsupported property type ${type.toString(16)}`);
    }
  });
  return [...streams, { name: '__properties_version1.0', data: table }];
}

function streamName(tag: number): string {
  return `__substg1.0_${hex8(tag)}`;
}

function hex8(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 * s.length);
  const v = new DataView(out.buffer);
  for (let i = 0; i < s.length; i++) v.setUint16(2 * i, s.charCodeAt(i), true);
  return out;
}
