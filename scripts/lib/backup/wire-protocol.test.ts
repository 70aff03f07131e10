/**
 * The protocol framing that carries the WebAssembly pg_dump's connection: which client writes
 * the server answers, and when the server's answer is whole however TCP cuts it.
 */
import { describe, expect, it } from "vitest";
import { newClientStream, readClientWrite, ServerAnswer } from "./wire-protocol";

function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};
const startup = (() => {
  const body = Buffer.concat([int32(196608), Buffer.from("user\0postgres\0database\0nianbao\0\0")]);
  return Buffer.concat([int32(body.length + 4), body]);
})();
const auth = (code: number, extra = "") => message("R", Buffer.concat([int32(code), Buffer.from(extra)]));
const ready = message("Z", Buffer.from("I"));

/** Feeds `bytes` to a fresh answer cut at every `step` bytes; whether it was whole after each piece. */
function wholeAfterEachPiece(bytes: Buffer, step: number, isSessionReady = true): boolean[] {
  const answer = new ServerAnswer();
  answer.isSessionReady = isSessionReady;
  const verdicts: boolean[] = [];
  for (let offset = 0; offset < bytes.length; offset += step)
    verdicts.push(answer.push(bytes.subarray(offset, offset + step)));
  return verdicts;
}

describe("readClientWrite", () => {
  it("waits for an answer to the startup message, a query, a sync, a function call and an authentication response, not to a partial one", () => {
    const stream = newClientStream();
    expect(readClientWrite(stream, startup.subarray(0, 10))).toEqual({ awaitsAnswer: false, terminates: false });
    expect(readClientWrite(stream, startup.subarray(10))).toEqual({ awaitsAnswer: true, terminates: false });
    const query = message("Q", Buffer.from("SELECT 1\0"));
    expect(readClientWrite(stream, query.subarray(0, 3)).awaitsAnswer).toBe(false);
    expect(readClientWrite(stream, query.subarray(3)).awaitsAnswer).toBe(true);
    expect(
      readClientWrite(stream, Buffer.concat([message("P", Buffer.from("\0x\0\0\0")), message("B")])).awaitsAnswer,
    ).toBe(false);
    expect(readClientWrite(stream, message("S")).awaitsAnswer).toBe(true);
    expect(readClientWrite(stream, message("p", Buffer.from("SCRAM-SHA-256\0"))).awaitsAnswer).toBe(true);
    expect(readClientWrite(stream, message("F", Buffer.alloc(12))).awaitsAnswer).toBe(true);
    expect(readClientWrite(stream, message("X"))).toEqual({ awaitsAnswer: false, terminates: true });
  });
});

describe("ServerAnswer", () => {
  const rows = Buffer.concat([
    message("T", Buffer.alloc(30)),
    ...Array.from({ length: 50 }, (_, index) => message("D", Buffer.alloc(1000 + index))),
    message("C", Buffer.from("SELECT 50\0")),
    ready,
  ]);

  it("is whole only once the ReadyForQuery has come, however the answer is cut", () => {
    for (const step of [1, 2, 5, 7, 64, 4096, rows.length]) {
      const verdicts = wholeAfterEachPiece(rows, step);
      expect(verdicts.at(-1), `pieces of ${step}`).toBe(true);
      expect(
        verdicts.slice(0, -1).every((verdict) => !verdict),
        `pieces of ${step}`,
      ).toBe(true);
    }
  });

  it("stops at authentication requests the client answers, not at SASL's final message or AuthenticationOk", () => {
    expect(wholeAfterEachPiece(auth(10, "SCRAM-SHA-256\0\0"), 3, false).at(-1)).toBe(true);
    expect(wholeAfterEachPiece(auth(11, "r=abc,s=def,i=4096"), 4, false).at(-1)).toBe(true);
    const final = auth(12, "v=signature");
    const rest = Buffer.concat([
      auth(0),
      message("S", Buffer.from("TimeZone\0UTC\0")),
      message("K", Buffer.alloc(8)),
      ready,
    ]);
    const answer = new ServerAnswer();
    expect(answer.push(final)).toBe(false);
    expect(answer.push(rest)).toBe(true);
    expect(answer.isSessionReady).toBe(true);
    expect(answer.take()).toEqual(Buffer.concat([final, rest]));
    expect(answer.isComplete).toBe(false);
  });

  it("ends at an error before the session starts (the server then closes), not at one in a query", () => {
    const error = message("E", Buffer.from("SFATAL\0Mdatabase does not exist\0\0"));
    expect(wholeAfterEachPiece(error, 6, false).at(-1)).toBe(true);
    expect(wholeAfterEachPiece(error, 6, true).at(-1)).toBe(false);
    expect(wholeAfterEachPiece(Buffer.concat([error, ready]), 6, true).at(-1)).toBe(true);
  });
});
