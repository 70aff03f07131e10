import "server-only";
import { formatMegabytes } from "@/lib/import/upload-limits";
import { AppError } from "@/lib/server/errors";

/** Room for the multipart boundaries and the small text fields next to the files. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * The multipart body of an upload, refused as soon as it passes `maxBytes`: a declared
 * Content-Length over the cap is refused without reading, and a body sent without one (or
 * lying about it) is cut off while streaming, so an oversized upload is never held whole.
 */
export async function readMultipartBody(request: Request, maxBytes: number): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data"))
    throw new AppError("INVALID_INPUT", "请通过页面上的表单上传文件。");
  const tooLarge = () =>
    new AppError("INVALID_INPUT", `上传的内容超过上限 ${formatMegabytes(maxBytes - FORM_OVERHEAD_BYTES)}，未读取。`);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw new AppError("INVALID_INPUT", "没有收到上传的文件。");

  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return await new Response(new Blob(chunks as BlobPart[]), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("INVALID_INPUT", "上传的内容无法解析，请重新选择文件后再试。");
  }
}

/** The uploaded files under `name`, each with its bytes; text fields under that name are ignored. */
export async function uploadedFiles(form: FormData, name: string): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const files = form.getAll(name).filter((value): value is File => typeof value !== "string");
  return Promise.all(
    files.map(async (file) => ({ fileName: file.name.slice(0, 255), bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}
