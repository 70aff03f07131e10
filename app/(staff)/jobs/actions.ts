"use server";
import { jobInput, readJobProgress, retryJob } from "@/lib/jobs/follow-job";
import { defineAction } from "@/lib/server/define-action";

// Following a job of the queue (lib/jobs/) and sending a failed one again (重试): the same two
// actions for every page that starts one (components/jobs/use-follow-job.ts).
export const readJobProgressAction = defineAction({ input: jobInput, operation: readJobProgress });

export const retryJobAction = defineAction({ input: jobInput, operation: retryJob });
