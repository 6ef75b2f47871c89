import type { Rng } from "../prng";
import type { Fmt, LanguageBank, TemplateId, TemplateParams } from "./types";

interface Spec<K extends TemplateId> {
  draw: (r: Rng) => TemplateParams[K];
  answer: (p: TemplateParams[K]) => number;
  /** Value reached when the last step is skipped (the systematic English-majority mistake). */
  early: (p: TemplateParams[K]) => number;
  /** Python lines computing `total` (Latin digits, English identifiers). */
  code: (p: TemplateParams[K]) => string[];
}

/** One drawn word problem, bound to its numbers; renders in any language bank. */
export interface Problem {
  template: TemplateId;
  answer: number;
  early: number;
  code: string[];
  prompt: (bank: LanguageBank, f: Fmt) => string;
  steps: (bank: LanguageBank, ans: number, f: Fmt) => string[];
}

export interface MathTemplate {
  id: TemplateId;
  draw: (r: Rng) => Problem;
}

function define<K extends TemplateId>(id: K, spec: Spec<K>): MathTemplate {
  return {
    id,
    draw(r) {
      const p = spec.draw(r);
      return {
        template: id,
        answer: spec.answer(p),
        early: spec.early(p),
        code: spec.code(p),
        prompt: (bank, f) => bank.math[id].prompt(p, f),
        steps: (bank, ans, f) => bank.math[id].steps(p, ans, f),
      };
    },
  };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

const shopping = define("shopping", {
  draw(r) {
    const a = r.int(2, 9),
      price = r.pick([1.5, 2, 2.5, 3, 4, 4.5, 5, 6, 7.5, 12]);
    const b = r.int(2, 9),
      price2 = r.pick([0.5, 1, 1.5, 2, 2.5, 3]);
    return { a, price, b, price2, sub1: r2(a * price), sub2: r2(b * price2) };
  },
  answer: (p) => r2(p.sub1 + p.sub2),
  early: (p) => p.sub2,
  code: (p) => [`notebooks = ${p.a} * ${p.price}`, `pens = ${p.b} * ${p.price2}`, "total = notebooks + pens"],
});

const speed = define("speed", {
  draw(r) {
    const v1 = 5 * r.int(8, 26),
      t1 = r.int(2, 9),
      v2 = 5 * r.int(6, 18),
      t2 = r.int(2, 6);
    return { v1, t1, v2, t2, d1: v1 * t1, d2: v2 * t2 };
  },
  answer: (p) => p.d1 + p.d2,
  early: (p) => p.d2,
  code: (p) => [`first = ${p.v1} * ${p.t1}`, `second = ${p.v2} * ${p.t2}`, "total = first + second"],
});

const percent = define("percent", {
  draw(r) {
    const price = 4 * r.int(10, 500),
      pct = r.pick([10, 15, 20, 25, 30, 35, 40, 60]);
    return { price, pct, off: r2((price * pct) / 100) };
  },
  answer: (p) => r2(p.price - p.off),
  early: (p) => p.off,
  code: (p) => [`price = ${p.price}`, `discount = price * ${p.pct} / 100`, "total = price - discount"],
});

const ages = define("ages", {
  draw(r) {
    const age = r.int(6, 14),
      times = r.int(2, 4),
      years = r.int(5, 15);
    return { age, times, years, father: age * times };
  },
  answer: (p) => p.father + p.years,
  early: (p) => p.father,
  code: (p) => [`father_now = ${p.age} * ${p.times}`, `total = father_now + ${p.years}`],
});

const area = define("area", {
  draw(r) {
    const len = r.int(12, 60),
      wid = r.int(8, 40),
      total = len * wid;
    return { len, wid, total, path: r.int(5, Math.floor(total * 0.3)) };
  },
  answer: (p) => p.total - p.path,
  early: (p) => p.total,
  code: (p) => [`area = ${p.len} * ${p.wid}`, `total = area - ${p.path}`],
});

const wages = define("wages", {
  draw(r) {
    const rate = r.pick([8, 9.5, 10, 12, 12.5, 15, 18, 20, 22.5, 25]),
      hours = r.int(4, 9),
      days = r.int(5, 24);
    return { rate, hours, days, daily: r2(rate * hours) };
  },
  answer: (p) => r2(p.daily * p.days),
  early: (p) => p.daily,
  code: (p) => [`daily = ${p.rate} * ${p.hours}`, `total = daily * ${p.days}`],
});

export const MATH_TEMPLATES: readonly MathTemplate[] = [shopping, speed, percent, ages, area, wages];
