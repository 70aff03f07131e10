import { describe, expect, it } from "vitest";
import { pathOfRoute } from "./path-of-route";

describe("pathOfRoute", () => {
  it("writes a route's dynamic segments from the page's params", () => {
    expect(pathOfRoute("/review/reports/[id]", { id: "0b6c2c1e-5b1f-4c56-9a57-1f3e2c1d0a9b" })).toBe(
      "/review/reports/0b6c2c1e-5b1f-4c56-9a57-1f3e2c1d0a9b",
    );
  });

  it("encodes a segment, so a hostile id cannot write another path or a query", () => {
    expect(pathOfRoute("/admin/accounts/[id]", { id: "../x?next=//evil" })).toBe(
      "/admin/accounts/..%2Fx%3Fnext%3D%2F%2Fevil",
    );
  });

  it("leaves a route without segments as it is", () => {
    expect(pathOfRoute("/review/board", {})).toBe("/review/board");
  });
});
