/**
 * A WOFF 1.0 font file as the plain TrueType/OpenType (sfnt) font it wraps.
 *
 * LXGW WenKai, the open 楷体 used here, is on npm only as WOFF/WOFF2
 * (@fontsource/lxgw-wenkai). fontkit reads WOFF, but it inflates a table
 * again on every access, so subsetting a CJK font from WOFF takes minutes;
 * from the unwrapped sfnt it takes milliseconds. WOFF 1.0 is a table
 * directory whose tables are zlib-compressed one by one (W3C Recommendation
 * "WOFF File Format 1.0", section 5–6): inflate each with node:zlib and lay
 * the tables out again behind an sfnt header. fonteditor-core's woff2ttf does
 * the same through JavaScript arrays and takes ~1.7 s for this 16 MB font;
 * this takes ~0.1 s.
 *
 * Server-only (node:zlib).
 */
import { inflateSync } from "node:zlib";

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER_SIZE = 44;
const WOFF_ENTRY_SIZE = 20;
const SFNT_HEADER_SIZE = 12;
const SFNT_ENTRY_SIZE = 16;

/** A WOFF table directory entry: five 32-bit words, read in this order (section 5). */
type TableEntry = Readonly<Record<"tag" | "offset" | "compLength" | "origLength" | "checksum", number>>;

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === WOFF_SIGNATURE;
}

/** The sfnt inside a WOFF 1.0 file; throws on anything malformed. */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < WOFF_HEADER_SIZE || view.getUint32(0) !== WOFF_SIGNATURE) throw new Error("not a WOFF file");
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  if (woff.byteLength < WOFF_HEADER_SIZE + numTables * WOFF_ENTRY_SIZE) throw new Error("WOFF table directory cut off");
  const tables: TableEntry[] = [];
  for (let i = 0; i < numTables; i += 1) {
    const at = WOFF_HEADER_SIZE + i * WOFF_ENTRY_SIZE;
    const entry = {
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compLength: view.getUint32(at + 8),
      origLength: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    };
    if (entry.offset + entry.compLength > woff.byteLength || entry.compLength > entry.origLength)
      throw new Error("WOFF table out of bounds");
    tables.push(entry);
  }
  // sfnt table records are sorted by tag (OpenType spec, "Table Directory").
  tables.sort((a, b) => a.tag - b.tag);
  const padded = (length: number) => (length + 3) & ~3;
  const headerSize = SFNT_HEADER_SIZE + numTables * SFNT_ENTRY_SIZE;
  const out = Buffer.alloc(headerSize + tables.reduce((sum, table) => sum + padded(table.origLength), 0));
  const entrySelector = Math.floor(Math.log2(Math.max(1, numTables)));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerSize;
  tables.forEach((table, i) => {
    const stored = woff.subarray(table.offset, table.offset + table.compLength);
    const data = table.compLength < table.origLength ? inflateSync(stored) : stored;
    if (data.length !== table.origLength) throw new Error("WOFF table inflated to the wrong length");
    const record = SFNT_HEADER_SIZE + i * SFNT_ENTRY_SIZE;
    out.writeUInt32BE(table.tag, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.origLength, record + 12);
    out.set(data, offset);
    offset += padded(table.origLength);
  });
  return out;
}
