import "server-only";
import { z } from "zod";
import { authorize } from "@/lib/server/authorize";
import { defineRoute } from "@/lib/server/define-route";
import { AppError } from "@/lib/server/errors";
import type { Actor, ActorAction } from "@/lib/workflow/policy";
import { FORM_OVERHEAD_BYTES, readMultipartBody } from "./read-multipart-body";

/**
 * The POST handler of an administrator's upload: the policy is asked about the actor before
 * the body is read (nobody else gets to upload anything), the multipart body is read up to
 * `maxUploadBytes` and the form's overhead, and what `run` makes of the form is answered as
 * JSON, never cached. `run` is the whole of the work, so it may as well queue it.
 */
export function defineUploadRoute<T>(options: {
  name: string;
  action: ActorAction;
  maxUploadBytes: number;
  run: (upload: { form: FormData; actor: Actor }) => Promise<T>;
}) {
  return defineRoute({
    name: options.name,
    action: options.action,
    authorize: async ({ actor }) => authorize(actor, options.action, null),
    run: async ({ request, actor }) => {
      const form = await readMultipartBody(request, options.maxUploadBytes + FORM_OVERHEAD_BYTES);
      return Response.json(await options.run({ form, actor }), { headers: { "Cache-Control": "no-store" } });
    },
  });
}

const countyIdField = z.uuid();

/** The county an upload is for, as the form's `countyId` names it. */
export function uploadCountyId(form: FormData): string {
  const countyId = countyIdField.safeParse(form.get("countyId"));
  if (!countyId.success) throw new AppError("INVALID_INPUT", "请选择一个县（区）。");
  return countyId.data;
}
