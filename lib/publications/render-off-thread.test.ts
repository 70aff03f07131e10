import { describe, expect, it } from "vitest";
import { RendererBusyError, RenderFailedError } from "@/lib/render/render-in-worker";
import { AppError } from "@/lib/server/errors";
import { offThread } from "./render-off-thread";

describe("offThread", () => {
  it("answers a busy render pool as UNAVAILABLE with the pool's zh-CN message", async () => {
    const answer = offThread(() => Promise.reject(new RendererBusyError()));
    await expect(answer).rejects.toBeInstanceOf(AppError);
    await expect(answer).rejects.toMatchObject({
      code: "UNAVAILABLE",
      userMessage: "服务繁忙，正在生成其他报告的文档，本次未生成。请稍后重试。",
    });
  });

  it("answers a failed or stopped render as INTERNAL with the pool's zh-CN message", async () => {
    const message = "生成 PDF 超过 60 秒仍未完成，已停止。请稍后重试；如仍失败，请联系系统管理员。";
    await expect(offThread(() => Promise.reject(new RenderFailedError(message)))).rejects.toMatchObject({
      code: "INTERNAL",
      userMessage: message,
    });
  });

  it("passes other errors and results through unchanged", async () => {
    const other = new Error("database down");
    await expect(offThread(() => Promise.reject(other))).rejects.toBe(other);
    await expect(offThread(() => Promise.resolve(42))).resolves.toBe(42);
  });
});
