/**
 * The parts of an .xlsx (a ZIP archive) that hold a worksheet's values, found through the
 * package's own relationships and unzipped with a cap instead of trusting the archive:
 * yauzl reads the central directory, each part is inflated as a stream whose bytes are
 * counted as they arrive (a part that inflates past what its header claims is crafted; past
 * MAX_XLSX_XML_BYTES in all it is a bomb). Nothing else is inflated: images, drawings,
 * printer settings and embedded objects are never read. A workbook with macros (VBA, XLM
 * macro sheets, a macro-enabled content type) or links to other files (external links, data
 * connections) is refused, whatever its name says. Server-only: yauzl streams through node:zlib.
 */
import { Parser } from "htmlparser2";
import type yauzl from "yauzl";
import { openZip, readZipPart } from "../read-zip-part";
import { MAX_XLSX_ENTRIES, MAX_XLSX_XML_BYTES } from "./limits";

export type XlsxParts =
  | {
      readonly ok: true;
      readonly sheetName: string;
      readonly sheetXml: Uint8Array;
      /** Empty when the workbook keeps every string inline. */
      readonly sharedStringsXml: Uint8Array | null;
      readonly stylesXml: Uint8Array | null;
      readonly isDate1904: boolean;
      /** The workbook's defined names and what each refers to, as written (`'年报表格'!$C$5`). */
      readonly definedNames: readonly DefinedName[];
    }
  | {
      readonly ok: false;
      readonly reason: "damaged" | "tooLarge" | "unsafe" | "macros" | "externalLinks" | "noSheet";
    };

export type DefinedName = { readonly name: string; readonly refersTo: string };

type Failure = Extract<XlsxParts, { ok: false }>;
type Element = { name: string; attributes: Record<string, string> };

const RELATIONSHIP_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const MACRO_CONTENT_TYPE = /macroEnabled|vbaProject|ms-excel\.(?:intl)?macrosheet|ms-excel\.dialogsheet/i;

/** Parts whose presence alone refuses the workbook, by name. */
function refusalForPartName(name: string): Failure["reason"] | null {
  if (/(?:^|\/)vbaProject\.bin$|(?:^|\/)vbaData\.xml$|^xl\/(?:macrosheets|dialogsheets)\//i.test(name)) return "macros";
  if (/^xl\/externalLinks\/|^xl\/connections\.xml$/i.test(name)) return "externalLinks";
  return null;
}

/** Elements of a small XML part with their attributes, prefixes dropped (`x:sheet` → `sheet`). */
function elementsOf(xml: Uint8Array, wanted: ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const local = name.slice(name.indexOf(":") + 1);
        if (wanted.has(local)) found.push({ name: local, attributes });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(new TextDecoder().decode(xml));
  return found;
}

/** The `definedName` elements of workbook.xml with their text (what the name refers to). */
function definedNamesOf(xml: Uint8Array): DefinedName[] {
  const found: DefinedName[] = [];
  let open: { name: string; text: string } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name.slice(name.indexOf(":") + 1) === "definedName") open = { name: attributes.name ?? "", text: "" };
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (open && name.slice(name.indexOf(":") + 1) === "definedName") {
          found.push({ name: open.name, refersTo: open.text.trim() });
          open = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(new TextDecoder().decode(xml));
  return found;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute from the root. */
function resolveTarget(sourcePart: string, target: string): string {
  const segments = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export async function extractXlsxParts(bytes: Uint8Array, limit: number = MAX_XLSX_XML_BYTES): Promise<XlsxParts> {
  const zip = await openZip(bytes, MAX_XLSX_ENTRIES);
  if (typeof zip === "string") return { ok: false, reason: zip };

  // Part names are case-insensitive in a package (ECMA-376 Part 2); two entries of one name
  // could each be read by another tool.
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      const name = entry.fileName.replace(/^\//, "");
      const key = name.toLowerCase();
      if (entries.has(key)) return { ok: false, reason: "unsafe" };
      const refused = refusalForPartName(name);
      if (refused) return { ok: false, reason: refused };
      entries.set(key, entry);
    }
  } catch {
    return { ok: false, reason: "damaged" };
  }

  let budget = limit;
  const read = async (part: string): Promise<Uint8Array | Failure | null> => {
    const entry = entries.get(part.toLowerCase());
    if (!entry) return null;
    const bytesRead = await readZipPart(zip, entry, budget);
    if (typeof bytesRead === "string") return { ok: false, reason: bytesRead };
    budget -= bytesRead.byteLength;
    return bytesRead;
  };
  const isFailure = (value: Uint8Array | Failure | null): value is Failure =>
    value !== null && !(value instanceof Uint8Array);

  try {
    const contentTypes = await read("[Content_Types].xml");
    if (isFailure(contentTypes)) return contentTypes;
    if (!contentTypes) return { ok: false, reason: "damaged" };
    const types = elementsOf(contentTypes, new Set(["Default", "Override"]));
    if (types.some((type) => MACRO_CONTENT_TYPE.test(type.attributes.ContentType ?? "")))
      return { ok: false, reason: "macros" };

    const packageRels = await read("_rels/.rels");
    if (isFailure(packageRels)) return packageRels;
    const officeDocument = packageRels
      ? elementsOf(packageRels, new Set(["Relationship"])).find((rel) =>
          (rel.attributes.Type ?? "").endsWith("/officeDocument"),
        )
      : undefined;
    const workbookPart = officeDocument?.attributes.Target
      ? resolveTarget("", officeDocument.attributes.Target)
      : "xl/workbook.xml";

    const workbook = await read(workbookPart);
    if (isFailure(workbook)) return workbook;
    if (!workbook) return { ok: false, reason: "damaged" };
    const workbookRelsXml = await read(relationshipsPartOf(workbookPart));
    if (isFailure(workbookRelsXml)) return workbookRelsXml;
    if (!workbookRelsXml) return { ok: false, reason: "damaged" };
    const rels = elementsOf(workbookRelsXml, new Set(["Relationship"])).map((rel) => ({
      id: rel.attributes.Id ?? "",
      type: (rel.attributes.Type ?? "").replace(RELATIONSHIP_TYPES, "").replace(/^.*\//, ""),
      target: rel.attributes.Target ?? "",
      isExternal: rel.attributes.TargetMode === "External",
    }));
    if (rels.some((rel) => rel.type === "externalLink" || rel.type === "connections"))
      return { ok: false, reason: "externalLinks" };
    if (rels.some((rel) => /vbaProject/i.test(rel.type))) return { ok: false, reason: "macros" };

    const workbookElements = elementsOf(workbook, new Set(["sheet", "workbookPr"]));
    const date1904 = workbookElements.find((element) => element.name === "workbookPr")?.attributes.date1904;
    // The first sheet a person sees: in the workbook's order, not hidden, a worksheet (not a chart).
    const sheet = workbookElements
      .filter((element) => element.name === "sheet" && !element.attributes.state?.endsWith("idden"))
      .map((element) => ({
        name: element.attributes.name ?? "",
        rel: rels.find((rel) => rel.id === (element.attributes["r:id"] ?? element.attributes.id)),
      }))
      .find((candidate) => candidate.rel?.type === "worksheet" && !candidate.rel.isExternal);
    if (!sheet?.rel) return { ok: false, reason: "noSheet" };

    const partFor = (type: string) => {
      const rel = rels.find((candidate) => candidate.type === type && !candidate.isExternal);
      return rel ? resolveTarget(workbookPart, rel.target) : null;
    };
    const sheetPart = resolveTarget(workbookPart, sheet.rel.target);
    const sheetXml = await read(sheetPart);
    if (isFailure(sheetXml)) return sheetXml;
    if (!sheetXml) return { ok: false, reason: "damaged" };
    const sharedStringsPart = partFor("sharedStrings");
    const sharedStringsXml = sharedStringsPart ? await read(sharedStringsPart) : null;
    if (isFailure(sharedStringsXml)) return sharedStringsXml;
    const stylesPart = partFor("styles");
    const stylesXml = stylesPart ? await read(stylesPart) : null;
    if (isFailure(stylesXml)) return stylesXml;
    return {
      ok: true,
      sheetName: sheet.name,
      sheetXml,
      sharedStringsXml,
      stylesXml,
      isDate1904: date1904 === "1" || date1904 === "true",
      definedNames: definedNamesOf(workbook),
    };
  } catch {
    return { ok: false, reason: "damaged" };
  } finally {
    zip.close();
  }
}
