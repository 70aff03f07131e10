import proxyaddr from "proxy-addr";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

// X-Forwarded-For as the app sees it: what the peer sent, then the peer itself, appended by
// scripts/serve-app.mjs.
const trustNothing = proxyaddr.compile([]);
const trustLoopback = proxyaddr.compile(["loopback"]);
const trustTwoProxies = proxyaddr.compile(["10.0.0.0/8", "192.168.1.5"]);

describe("clientAddress", () => {
  it("without trusted proxies is the socket's peer, whatever the client claims", () => {
    expect(clientAddress("::ffff:127.0.0.1", trustNothing)).toBe("127.0.0.1");
    expect(clientAddress("203.0.113.9, ::ffff:198.51.100.4", trustNothing)).toBe("198.51.100.4");
    expect(clientAddress("1.1.1.1, 2.2.2.2, 198.51.100.4", trustNothing)).toBe("198.51.100.4");
    expect(clientAddress("::1", trustNothing)).toBe("::1");
  });

  it("behind trusted proxies is the right-most address that is not one of them", () => {
    // nginx on the same machine appends the client; the client's own claim is left of it.
    expect(clientAddress("6.6.6.6, 203.0.113.9, ::ffff:127.0.0.1", trustLoopback)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9, 10.1.2.3, 192.168.1.5", trustTwoProxies)).toBe("203.0.113.9");
    // A peer that is not a trusted proxy is the client, even if it forwards a header.
    expect(clientAddress("203.0.113.9, 198.51.100.4", trustLoopback)).toBe("198.51.100.4");
    // Junk in the header is not an address to trust through.
    expect(clientAddress("203.0.113.9, not-an-address, 127.0.0.1", trustLoopback)).toBe("not-an-address");
  });

  it("when every hop is trusted, the left-most one is the client", () => {
    expect(clientAddress("127.0.0.5, 127.0.0.1", trustLoopback)).toBe("127.0.0.5");
  });

  it("without any header there is no address to key on", () => {
    expect(clientAddress(null, trustNothing)).toBe("unknown");
    expect(clientAddress(" , ", trustNothing)).toBe("unknown");
  });
});
