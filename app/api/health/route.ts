import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/define-route";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the start script and monitoring. */
export const GET = defineRoute({
  name: "health",
  action: "system.health",
  authorize: async ({ actor }) => authorize(actor, "system.health", null),
  run: async () => {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  },
});
