import "server-only";
import { isRenderError } from "@/lib/render/render-in-worker";
import { AppError } from "@/lib/server/errors";

/**
 * Runs renders of the render pool, answering its refusals as every operation answers: a
 * busy pool or a stopped or failed render becomes an AppError with the pool's zh-CN
 * message (UNAVAILABLE for busy, INTERNAL for a failure), so the user reads why the
 * document was not made instead of 系统出错.
 */
export async function offThread<T>(render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (error) {
    if (isRenderError(error)) throw new AppError(error.code, error.message);
    throw error;
  }
}
