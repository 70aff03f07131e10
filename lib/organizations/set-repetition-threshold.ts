import "server-only";
import { z } from "zod";
import { defineCountySetting } from "./define-county-setting";

export const repetitionThresholdInput = z.strictObject({
  countyId: z.uuid({ error: "所选县（区）无效，请刷新页面后重试" }),
  /** Null: the server's default (SIMILARITY_THRESHOLD_PERCENT). */
  percent: z
    .int({ error: "雷同提示阈值须为 1 至 100 之间的整数" })
    .min(1, { error: "雷同提示阈值须为 1 至 100 之间的整数" })
    .max(100, { error: "雷同提示阈值须为 1 至 100 之间的整数" })
    .nullable(),
});

/**
 * Sets the share (percent) above which a narrative part of the county's reports is called
 * copied (雷同), for its clerks' warnings and its reviewers' page; null returns to the
 * server's default. The county's own administrator or the system administrator, as for its
 * report mode; audited with the value before and after (null: the default).
 */
export const setRepetitionThreshold = defineCountySetting(
  "setRepetitionThreshold",
  "repetitionThresholdPercent",
  (input: z.infer<typeof repetitionThresholdInput>) => input.percent,
);
