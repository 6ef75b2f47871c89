import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * The header our server (scripts/next-server.ts) sets on every request to the client address it
 * resolved, replacing whatever a client sent under that name; better-auth rate-limits by it.
 */
export const CLIENT_IP_HEADER = "x-cm-client-ip";

/** `::ffff:10.0.0.1` (an IPv4 client of a dual-stack socket) → `10.0.0.1`; anything else unchanged. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * CM_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (`127.0.0.1, 10.0.0.0/8, ::1`) of
 * the reverse proxies in front of the app. Throws naming an entry that is neither.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = "", bits, ...rest] = entry.split("/");
    const family = isIP(plain(address));
    const prefix = bits === undefined ? null : Number(bits);
    const max = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      rest.length > 0 ||
      (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max && /^\d+$/.test(bits!)))
    ) {
      throw new Error(`CM_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === null) list.addAddress(plain(address), type);
    else list.addSubnet(plain(address), prefix, type);
  }
  return list;
}

function trusted(proxies: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then X-Forwarded-For
 * is read from the right, skipping trusted proxies, and the first other address is the client. A
 * header from an untrusted peer is ignored (any client can write one), so rotating it changes nothing.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, proxies: BlockList): string | null {
  if (!peer) return null;
  let client = plain(peer);
  if (!trusted(proxies, client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((h) => plain(h.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0 && trusted(proxies, client); i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) break;
    client = hop;
  }
  return client;
}

/** Sets CLIENT_IP_HEADER on an incoming request (replacing a client's own) from its socket's peer. */
export function stampClientAddress(headers: IncomingHttpHeaders, peer: string | undefined, proxies: BlockList): void {
  const client = clientAddress(peer, headers["x-forwarded-for"], proxies);
  if (client) headers[CLIENT_IP_HEADER] = client;
  else delete headers[CLIENT_IP_HEADER];
}
