"use client";
import { useEffect, useState } from "react";
import type { DraftSaver } from "@/lib/report-form/draft-saver";
import type { ServerCopy } from "@/lib/report-data";

/**
 * A copy kept in this browser from an earlier visit, looked at once when the wizard opens
 * (DraftSaver.restoreLocalCopy): restored and saved when it is based on the server's
 * current version; when the server has moved on since, merged three-way with the server's
 * copy from the values it started from (kept with it) and saved, or the conflict panel
 * asks about the fields both sides changed differently; a copy equal to the server's is
 * dropped. Returns the notice to show after a restore.
 */
export function useLocalDraftRestore({
  serverCopy,
  saver,
}: {
  /** The report as the page was loaded. */
  serverCopy: ServerCopy;
  saver: DraftSaver<ServerCopy>;
}): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const restored = saver.restoreLocalCopy(serverCopy, "本浏览器中有未保存的内容，但服务器上的报告已更新。");
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser copy can be read only after hydration, once
    if (restored === "restored") setNotice("已恢复此前在本浏览器中未保存的内容，正在保存。");
    if (restored === "merged") setNotice("已恢复此前在本浏览器中未保存的内容，并与服务器上更新的版本合并，正在保存。");
    // Runs once, for the version the page was loaded with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return notice;
}
