"use client";
import { useEffect, useState } from "react";
import type { DraftSaver } from "@/lib/report-form/draft-saver";
import {
  browserDraftStorage,
  readLocalDrafts,
  removeLocalDrafts,
  type DraftPayload,
} from "@/lib/report-form/local-draft";
import type { ServerCopy } from "@/lib/report-data";

const samePayload = (a: DraftPayload, b: DraftPayload): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A copy kept in this browser from an earlier visit, looked at once when the wizard opens:
 * restored and saved when it is based on the server's current version; when the server
 * has moved on since, the conflict panel lets the clerk choose; a copy equal to the
 * server's is dropped. Returns the notice to show after a restore.
 */
export function useLocalDraftRestore({
  reportId,
  serverCopy,
  saver,
  readPayload,
  replaceValues,
}: {
  reportId: string;
  /** The report as the page was loaded. */
  serverCopy: ServerCopy;
  saver: DraftSaver<ServerCopy>;
  /** The form's values (the server's, as the form was opened with them). */
  readPayload: () => DraftPayload;
  /** Puts a stored copy into the form without saving it. */
  replaceValues: (payload: DraftPayload) => void;
}): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const storage = browserDraftStorage();
    if (!storage) return;
    const serverPayload = readPayload();
    for (const draft of readLocalDrafts(storage, reportId)) {
      if (draft.baseVersion > serverCopy.version) continue;
      if (samePayload(draft.payload, serverPayload)) {
        removeLocalDrafts(storage, reportId, draft.baseVersion);
        continue;
      }
      replaceValues(draft.payload);
      if (draft.baseVersion === serverCopy.version) {
        // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser copy can be read only after hydration, once
        setNotice("已恢复此前在本浏览器中未保存的内容，正在保存。");
        saver.change();
      } else {
        saver.enterConflict(serverCopy, "本浏览器中有未保存的内容，但服务器上的报告已更新。");
      }
      return;
    }
    // Runs once, for the version the page was loaded with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return notice;
}
