/**
 * Safety check of a .docx (a ZIP archive) before anything unzips it for
 * real. Mammoth (through JSZip) inflates whole entries in memory with no
 * size limit, so a small crafted file (a “zip bomb”) could expand to
 * gigabytes. Here every entry is inflated with a hard output cap
 * (zlib's maxOutputLength), so the sizes the archive claims are not
 * trusted. Server-only: uses node:zlib.
 */
import { inflateRawSync } from "node:zlib";
import { MAX_DOCX_ENTRIES, MAX_DOCX_UNZIPPED_BYTES } from "./limits";

export type ArchiveCheck =
  | { readonly ok: true; readonly unzippedBytes: number }
  | { readonly ok: false; readonly reason: "damaged" | "tooLarge" | "unsafe" | "notDocx" };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN;
  for (let at = last; at >= Math.max(0, last - MAX_COMMENT); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

export function checkDocxArchive(bytes: Uint8Array, limit: number = MAX_DOCX_UNZIPPED_BYTES): ArchiveCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < EOCD_MIN || view.getUint32(0, true) !== LOCAL_SIGNATURE)
    return { ok: false, reason: "damaged" };
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return { ok: false, reason: "damaged" };
  const entries = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no genuine report needs them under our size caps.
  if (entries === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: "unsafe" };
  if (entries > MAX_DOCX_ENTRIES) return { ok: false, reason: "unsafe" };

  let at = directoryOffset;
  let total = 0;
  let hasDocument = false;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return { ok: false, reason: "damaged" };
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (name === "word/document.xml") hasDocument = true;

    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE)
      return { ok: false, reason: "damaged" };
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > bytes.byteLength) return { ok: false, reason: "damaged" };

    if (method === STORED) {
      total += compressedSize;
    } else if (method === DEFLATED) {
      const budget = limit - total;
      if (budget <= 0) return { ok: false, reason: "tooLarge" };
      try {
        total += inflateRawSync(bytes.subarray(dataStart, dataEnd), { maxOutputLength: budget }).byteLength;
      } catch (error) {
        const code = error instanceof Error && "code" in error ? error.code : undefined;
        return { ok: false, reason: code === "ERR_BUFFER_TOO_LARGE" ? "tooLarge" : "damaged" };
      }
    } else {
      // JSZip reads only stored and deflated entries; anything else is not a Word file.
      return { ok: false, reason: "unsafe" };
    }
    if (total > limit) return { ok: false, reason: "tooLarge" };
  }
  return hasDocument ? { ok: true, unzippedBytes: total } : { ok: false, reason: "notDocx" };
}
