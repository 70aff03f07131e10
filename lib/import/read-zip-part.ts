/**
 * Opening an uploaded ZIP archive (.docx, .xlsx) and inflating one of its parts with a cap
 * instead of trusting the archive: yauzl reads the central directory, and a part is inflated
 * as a stream whose bytes are counted as they arrive. A part whose inflated bytes pass what
 * its header claims is crafted ("unsafe"); one that passes the budget left is a zip or XML
 * bomb ("tooLarge") — either way inflation stops at once, holding at most one zlib chunk past
 * the cap. Server-only: yauzl streams through node:zlib.
 */
import type { Readable } from "node:stream";
import yauzl from "yauzl";

const STORED = 0;
const DEFLATED = 8;

/** The archive, or why it is refused: unreadable ("damaged") or with more entries than `maxEntries` ("unsafe"). */
export async function openZip(bytes: Uint8Array, maxEntries: number): Promise<yauzl.ZipFile | "damaged" | "unsafe"> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      // Sizes are checked by readZipPart, against the cap and against what each header claims.
      validateEntrySizes: false,
      strictFileNames: false,
    });
  } catch {
    return "damaged";
  }
  return zip.entryCount > maxEntries ? "unsafe" : zip;
}

/** The stream's bytes, or the reason reading stopped before its end. */
async function readCapped(
  stream: Readable,
  claimed: number,
  budget: number,
): Promise<Uint8Array | "tooLarge" | "unsafe"> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    received += chunk.byteLength;
    if (received > claimed || received > budget) {
      stream.destroy();
      return received > claimed ? "unsafe" : "tooLarge";
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, received));
}

/**
 * One entry inflated within `budget` bytes, or the reason it is refused. Office readers
 * (JSZip in mammoth, Excel) take only stored and deflated entries, never encrypted ones:
 * anything else is not from Word, Excel or WPS.
 */
export async function readZipPart(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: number,
): Promise<Uint8Array | "tooLarge" | "unsafe"> {
  if (entry.isEncrypted() || (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED))
    return "unsafe";
  if (entry.uncompressedSize > budget) return "tooLarge";
  return readCapped(await zip.openReadStreamPromise(entry), entry.uncompressedSize, budget);
}
