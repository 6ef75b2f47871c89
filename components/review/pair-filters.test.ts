import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parsePairTableParams } from "@/lib/pairs/table";
import { PairFilters } from "./pair-filters";

const render = (consensus: string | undefined) =>
  renderToStaticMarkup(
    createElement(PairFilters, {
      action: "/datasets/demo/pairs",
      languages: ["de"],
      filter: parsePairTableParams(consensus === undefined ? {} : { consensus }),
    }),
  );

const checkbox = (html: string, value: string) =>
  html.match(/<input[^>]*>/g)?.find((input) => input.includes('name="consensus"') && input.includes(`value="${value}"`));

describe("PairFilters: consensus", () => {
  it("offers one checkbox per consensus value, submitted as repeated consensus parameters", () => {
    const html = render(undefined);
    for (const value of ["pending", "unanimous", "majority", "disputed", "adjudicated"]) {
      expect(checkbox(html, value)).toBeDefined();
      expect(checkbox(html, value)).not.toContain("checked");
    }
  });

  it("checks the values of the URL's filter", () => {
    const html = render("disputed,adjudicated");
    expect(checkbox(html, "disputed")).toContain('checked=""');
    expect(checkbox(html, "adjudicated")).toContain('checked=""');
    expect(checkbox(html, "pending")).not.toContain("checked");
  });
});
