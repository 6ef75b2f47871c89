const s = "জোশ একটি বাড়ি ফ্লিপ করার সিদ্ধান্ত নিয়েছেন। তিনি একটি বাড়ি ক্রয় করলেন এবং মেরামত করলেন। Then he computed the total profit which is the new value minus".repeat(5);
const N = 20000;
let t0 = performance.now(); let x = 0;
for (let i = 0; i < N; i++) x += s.match(/\p{L}/gu)?.length ?? 0;
console.log("match", (performance.now() - t0) / N * 1000, "µs");
t0 = performance.now();
for (let i = 0; i < N; i++) x += s.replace(/\P{L}+/gu, "").length;
console.log("replace", (performance.now() - t0) / N * 1000, "µs");
const re = /\p{L}+/gu;
t0 = performance.now();
for (let i = 0; i < N; i++) { re.lastIndex = 0; let m; let n = 0; while ((m = re.exec(s)) !== null) n += m[0].length; x += n; }
console.log("exec runs", (performance.now() - t0) / N * 1000, "µs", s.length);
