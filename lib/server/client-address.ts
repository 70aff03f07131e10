import "server-only";
import proxyaddr from "proxy-addr";
import { env } from "./env";

let trust: ((address: string, hop: number) => boolean) | undefined;

function isTrustedProxy(address: string, hop: number): boolean {
  trust ??= proxyaddr.compile(env().TRUSTED_PROXIES);
  return trust(address, hop);
}

/**
 * The address a request came from, for the per-address sign-in limit. The app's server
 * (scripts/serve-app.mjs) appends the socket's peer to X-Forwarded-For, so the right-most
 * entry is the connection itself and everything left of it is what that peer claims. Only a
 * trusted proxy's claim is believed: walking from the right, the first address that is not a
 * trusted proxy is the client (proxy-addr's rule, as Express's `trust proxy` applies it).
 * With no TRUSTED_PROXIES that is the socket's peer, whatever the client put in the header.
 */
export function clientAddress(
  forwardedFor: string | null,
  isTrusted: (address: string, hop: number) => boolean = isTrustedProxy,
): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length === 0) return "unknown";
  let index = hops.length - 1;
  while (index > 0 && isTrusted(hops[index]!, hops.length - 1 - index)) index -= 1;
  return withoutIpv4Mapping(hops[index]!);
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) counts as `127.0.0.1`. */
function withoutIpv4Mapping(address: string): string {
  return address.replace(/^::ffff:(?=\d{1,3}(\.\d{1,3}){3}$)/i, "");
}
