/**
 * A PDF file from its objects' bodies, written byte by byte with a cross-reference table of
 * the real offsets, so pdf.js reads it as a valid file: object `i + 1` is `bodies[i]`, the
 * catalog is object `root`. For the reading pool's warm-up PDF (warm-up-pdf.ts) and the small
 * PDFs of the tests (fixtures/import/write-minimal-pdf.ts). Every character must be one byte
 * (Latin-1).
 */
export function writePdfObjects(bodies: readonly string[], root: number): Uint8Array {
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root ${root} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}
