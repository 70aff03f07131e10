"use server";
import { z } from "zod";
import { checkedText } from "@/lib/report-data";
import { defineAction } from "@/lib/server/define-action";
import { calendarDatesInput, reportYearField } from "@/lib/organizations/reporting-calendar";
import { setReportingCalendar } from "@/lib/organizations/set-reporting-calendar";
import { repetitionThresholdInput, setRepetitionThreshold } from "@/lib/organizations/set-repetition-threshold";

// The dates are checked against the year they are for (in order, within the season).
const input = z
  .strictObject({
    countyId: z.uuid({ error: "请选择县（区）" }),
    year: reportYearField,
    opensOn: checkedText(z.string().max(100)),
    unitDeadline: checkedText(z.string().max(100)),
    countyDeadline: checkedText(z.string().max(100)),
  })
  .superRefine(({ year, opensOn, unitDeadline, countyDeadline }, context) => {
    const dates = calendarDatesInput(year).safeParse({ opensOn, unitDeadline, countyDeadline });
    for (const issue of dates.error?.issues ?? [])
      context.addIssue({ code: "custom", path: issue.path as string[], message: issue.message });
  });

export const setReportingCalendarAction = defineAction({
  name: "setReportingCalendar",
  input,
  operation: setReportingCalendar,
  args: ({ input }) => [
    input.countyId,
    input.year,
    { opensOn: input.opensOn, unitDeadline: input.unitDeadline, countyDeadline: input.countyDeadline },
  ],
});

export const setRepetitionThresholdAction = defineAction({
  name: "setRepetitionThreshold",
  input: repetitionThresholdInput,
  operation: setRepetitionThreshold,
});
