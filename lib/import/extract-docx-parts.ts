/**
 * The parts of a .docx (a ZIP archive) that mammoth reads, unzipped with a cap instead of
 * trusting the archive: yauzl reads the central directory (the same view JSZip, inside
 * mammoth, takes), and each XML part is inflated as a stream whose bytes are counted as
 * they arrive. A part whose inflated bytes pass what its header claims is a crafted
 * archive; parts whose total passes MAX_DOCX_XML_BYTES are a zip or XML bomb — either way
 * inflation stops at once, holding at most one zlib chunk past the cap. Images and other
 * binary parts are never inflated: mammoth gets them empty, and never reads them as the
 * reader drops images. Server-only: yauzl streams through node:zlib.
 */
import { MAX_DOCX_ENTRIES, MAX_DOCX_XML_BYTES } from "./limits";
import { openZip, readZipPart } from "./read-zip-part";

export type DocxParts =
  | { readonly ok: true; readonly parts: Readonly<Record<string, Uint8Array>>; readonly xmlBytes: number }
  | { readonly ok: false; readonly reason: "damaged" | "tooLarge" | "unsafe" | "notDocx" };

const DOCUMENT_PART = "word/document.xml";

/** Parts mammoth parses: the XML of the document, styles, numbering, notes, relationships. */
function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

export async function extractDocxParts(bytes: Uint8Array, limit: number = MAX_DOCX_XML_BYTES): Promise<DocxParts> {
  const zip = await openZip(bytes, MAX_DOCX_ENTRIES);
  if (typeof zip === "string") return { ok: false, reason: zip };

  const parts: Record<string, Uint8Array> = {};
  let xmlBytes = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith("/")) continue;
      // Two entries of one name: JSZip and this check could each take another one.
      if (Object.hasOwn(parts, name)) return { ok: false, reason: "unsafe" };
      if (!isXmlPart(name)) {
        parts[name] = new Uint8Array(0);
        continue;
      }
      const read = await readZipPart(zip, entry, limit - xmlBytes);
      if (typeof read === "string") return { ok: false, reason: read };
      parts[name] = read;
      xmlBytes += read.byteLength;
    }
  } catch {
    return { ok: false, reason: "damaged" };
  }
  return Object.hasOwn(parts, DOCUMENT_PART) ? { ok: true, parts, xmlBytes } : { ok: false, reason: "notDocx" };
}
