"use client";
import { useEffect, useState } from "react";
import type { DraftSaver } from "@/lib/report-form/draft-saver";
import { holdTabLock, openTabIds } from "@/lib/report-form/local-draft";
import type { ServerCopy } from "@/lib/report-data";

const SERVER_MOVED_ON = "本浏览器中有未保存的内容，但服务器上的报告已更新。";

const noticeOf = (restored: ReturnType<DraftSaver<ServerCopy>["restoreLocalCopy"]>): string | null =>
  restored === "restored"
    ? "已恢复此前在本浏览器中未保存的内容，正在保存。"
    : restored === "merged"
      ? "已恢复此前在本浏览器中未保存的内容，并与服务器上更新的版本合并，正在保存。"
      : null;

/**
 * A copy kept in this browser from an earlier visit, looked at once when the wizard opens
 * (DraftSaver.restoreLocalCopy): this tab's own at once, else one a closed tab left, once
 * the browser has said which tabs are open. Restored and saved when it is based on the
 * server's current version; when the server has moved on since, merged three-way with the
 * server's copy from the values it started from (kept with it) and saved, or the conflict
 * panel asks about the fields both sides changed differently; a copy equal to the
 * server's is dropped. Returns the notice to show after a restore.
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
    holdTabLock(saver.getTabId());
    const own = saver.restoreLocalCopy(serverCopy, SERVER_MOVED_ON);
    if (own) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser copy can be read only after hydration, once
      setNotice(noticeOf(own));
      return;
    }
    let isCancelled = false;
    void openTabIds().then((open) => {
      if (isCancelled) return;
      const left = saver.restoreLocalCopy(serverCopy, SERVER_MOVED_ON, (tabId) => open?.has(tabId) ?? false);
      if (left) setNotice(noticeOf(left));
    });
    return () => {
      isCancelled = true;
    };
    // Runs once, for the version the page was loaded with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return notice;
}
