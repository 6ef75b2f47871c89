import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientAddress, parseTrustedProxies, stampClientAddress } from "./client-ip";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies(" 127.0.0.1, 10.0.0.0/8 ,::1");

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted (the default), whatever X-Forwarded-For says", () => {
    expect(clientAddress("192.0.2.5", "203.0.113.9", none)).toBe("192.0.2.5");
    expect(clientAddress("::ffff:192.0.2.5", ["203.0.113.9", "10.0.0.1"], none)).toBe("192.0.2.5");
    expect(clientAddress("127.0.0.1", "203.0.113.9", none)).toBe("127.0.0.1");
    expect(clientAddress(undefined, "203.0.113.9", none)).toBeNull();
  });

  it("behind trusted proxies: the right-most forwarded address that is not a trusted proxy", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9", proxies)).toBe("203.0.113.9");
    // The client wrote the left-most entry itself; only what the trusted hops appended counts.
    expect(clientAddress("::ffff:127.0.0.1", "198.51.100.1, 203.0.113.9, 10.1.2.3", proxies)).toBe("203.0.113.9");
    expect(clientAddress("::1", undefined, proxies)).toBe("::1");
    expect(clientAddress("127.0.0.1", "not-an-ip", proxies)).toBe("127.0.0.1");
    // A peer that is not a trusted proxy is the client, header or not.
    expect(clientAddress("192.0.2.5", "203.0.113.9", proxies)).toBe("192.0.2.5");
  });

  it("without trusted proxies, no header a client sends changes the answer", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 5 }), (peer, hops) => {
        expect(clientAddress(peer, hops.join(", "), none)).toBe(clientAddress(peer, undefined, none));
      }),
    );
  });
});

describe("parseTrustedProxies", () => {
  it("names an entry that is not an address or CIDR range", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "1.2.3.4/8/9"]) {
      expect(() => parseTrustedProxies(`127.0.0.1,${bad}`)).toThrow(`CM_TRUSTED_PROXIES: "${bad}" is not an IP address or CIDR range`);
    }
  });
});

describe("stampClientAddress", () => {
  it("replaces a client-sent client address header with the resolved one", () => {
    const headers = { [CLIENT_IP_HEADER]: "1.1.1.1", "x-forwarded-for": "203.0.113.9" };
    stampClientAddress(headers, "192.0.2.5", none);
    expect(headers[CLIENT_IP_HEADER]).toBe("192.0.2.5");
    const unknown: Record<string, string> = { [CLIENT_IP_HEADER]: "1.1.1.1" };
    stampClientAddress(unknown, undefined, none);
    expect(unknown).toEqual({});
  });
});
