// The step scripts/serve-app.mjs takes before Next.js, on a real Node HTTP server: a request
// the kept public answers (lib/publications/public-answers.ts) cannot answer gets a 599 with
// "miss", so a test sees which side answered.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerPublicRequest } from "../public-answers";

export async function startAnswerServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (answerPublicRequest(request, response)) return;
    response.writeHead(599, { "Content-Type": "text/plain" });
    response.end("miss");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
