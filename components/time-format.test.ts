import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTime } from "./time-format";

describe("formatTime", () => {
  it("writes one format in the given zone, with the zone's name", () => {
    const at = new Date("2026-12-06T10:33:19Z");
    expect(formatTime(at, "UTC")).toBe("2026-12-06 10:33:19 UTC");
    expect(formatTime(at, "Europe/Berlin")).toBe("2026-12-06 11:33:19 GMT+1");
    expect(formatTime(at, "Asia/Kolkata")).toBe("2026-12-06 16:03:19 GMT+5:30");
    expect(formatTime(new Date("2026-12-06T23:59:59Z"), "Asia/Tokyo")).toBe("2026-12-07 08:59:59 GMT+9");
    expect(formatTime(new Date("2026-12-06T00:00:00Z"), "UTC")).toBe("2026-12-06 00:00:00 UTC");
  });

  it("in UTC reads back as the same second", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }), (d) => {
        const text = formatTime(d, "UTC");
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
        expect(new Date(`${text.slice(0, 10)}T${text.slice(11, 19)}Z`).getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
    );
  });
});
