import type { LanguageBank } from "./types";

export const en: LanguageBank = {
  code: "en",
  name: "English",
  rtl: false,
  sep: " ",
  numbers: { dec: ".", group: "," },
  answer: [(v) => `Answer: ${v}`, (v) => `The answer is ${v}.`, (v) => `Final answer: ${v}`, (v) => `#### ${v}`],
  restate: "We are told:",
  mathIntro: ["Let's solve this step by step.", "We work through it step by step.", "Solution:", "Let me break this down."],
  plan: [
    "To answer this, we first work out the intermediate values and then combine them.",
    "The key is to handle one quantity at a time and keep track of the units.",
    "First we read the question carefully to see exactly what is being asked.",
  ],
  check: [
    "Let me double-check each step.",
    "Re-reading the problem to make sure nothing is missed.",
    "Checking the arithmetic again carefully.",
    "Each step agrees with the previous calculation.",
  ],
  tableHead: ["Step", "Calculation"],
  codeIntro: "We can verify this with a short Python snippet:",
  keyPoints: "Key points",
  intros: ["Sure!", "Of course.", "Good question.", "Here you go."],
  closings: ["I hope this helps!", "Let me know if you have any questions.", "Feel free to ask for more detail.", "Happy to explain further."],
  refusal: "I'm sorry, but I can't help with that request.",
  filler: [
    "To put it another way, the main idea stays the same even when we look at it from a different angle.",
    "It is worth repeating this point, because it is the part people most often get wrong.",
    "Let me go over the same idea once more in slightly different words.",
    "In practice, small details like this make a noticeable difference.",
    "This also connects to what was said earlier, so the pieces fit together.",
    "If anything is still unclear, it helps to re-read the previous paragraph slowly.",
  ],
  styles: ["", "Keep it brief.", "Use plain language.", "Please be precise."],
  math: {
    shopping: {
      prompt: (p, f) =>
        `Amina buys ${f(p.a)} notebooks at ${f(p.price)} dollars each and ${f(p.b)} pens at ${f(p.price2)} dollars each. How much does she spend in total?`,
      steps: (p, ans, f) => [
        `The notebooks cost ${f(p.a)} × ${f(p.price)} = ${f(p.sub1)} dollars.`,
        `The pens cost ${f(p.b)} × ${f(p.price2)} = ${f(p.sub2)} dollars.`,
        `Together: ${f(p.sub1)} + ${f(p.sub2)} = ${f(ans)} dollars.`,
      ],
    },
    speed: {
      prompt: (p, f) =>
        `A train travels at ${f(p.v1)} km/h for ${f(p.t1)} hours and then at ${f(p.v2)} km/h for ${f(p.t2)} hours. How many kilometres does it travel in total?`,
      steps: (p, ans, f) => [
        `First part: ${f(p.v1)} × ${f(p.t1)} = ${f(p.d1)} km.`,
        `Second part: ${f(p.v2)} × ${f(p.t2)} = ${f(p.d2)} km.`,
        `Total distance: ${f(p.d1)} + ${f(p.d2)} = ${f(ans)} km.`,
      ],
    },
    percent: {
      prompt: (p, f) =>
        `A jacket costs ${f(p.price)} dollars. The shop gives a ${f(p.pct)}% discount. What is the sale price in dollars?`,
      steps: (p, ans, f) => [
        `The discount is ${f(p.pct)}% of ${f(p.price)}: ${f(p.price)} × ${f(p.pct)} / ${f(100)} = ${f(p.off)} dollars.`,
        `Sale price: ${f(p.price)} − ${f(p.off)} = ${f(ans)} dollars.`,
      ],
    },
    ages: {
      prompt: (p, f) =>
        `Omar is ${f(p.age)} years old. His father is ${f(p.times)} times as old as he is. How old will his father be in ${f(p.years)} years?`,
      steps: (p, ans, f) => [
        `Father's age now: ${f(p.age)} × ${f(p.times)} = ${f(p.father)}.`,
        `In ${f(p.years)} years: ${f(p.father)} + ${f(p.years)} = ${f(ans)}.`,
      ],
    },
    area: {
      prompt: (p, f) =>
        `A rectangular garden is ${f(p.len)} m long and ${f(p.wid)} m wide. A path takes up ${f(p.path)} square metres. How many square metres are left for planting?`,
      steps: (p, ans, f) => [
        `Area of the garden: ${f(p.len)} × ${f(p.wid)} = ${f(p.total)} m².`,
        `Without the path: ${f(p.total)} − ${f(p.path)} = ${f(ans)} m².`,
      ],
    },
    wages: {
      prompt: (p, f) =>
        `A worker earns ${f(p.rate)} dollars per hour and works ${f(p.hours)} hours a day for ${f(p.days)} days. How much does she earn in total?`,
      steps: (p, ans, f) => [
        `Pay per day: ${f(p.rate)} × ${f(p.hours)} = ${f(p.daily)} dollars.`,
        `For ${f(p.days)} days: ${f(p.daily)} × ${f(p.days)} = ${f(ans)} dollars.`,
      ],
    },
  },
  general: {
    photosynthesis: {
      prompt: "Explain in simple terms how photosynthesis works.",
      answer: [
        "Photosynthesis is the process plants use to turn sunlight into chemical energy.",
        "The leaves take in carbon dioxide from the air, and the roots draw up water from the soil.",
        "Chlorophyll, the green pigment in the leaves, captures light and uses its energy to build glucose from these ingredients.",
        "Oxygen is released as a by-product, which is why plants matter so much for the air we breathe.",
      ],
    },
    sky: {
      prompt: "Explain why the sky is blue.",
      answer: [
        "Sunlight looks white, but it is actually a mix of all the colours of the rainbow.",
        "On its way through the atmosphere, the light collides with tiny gas molecules and is scattered in all directions.",
        "Blue light has a short wavelength, so it is scattered much more strongly than red or yellow light.",
        "This scattered blue light reaches our eyes from every part of the sky, so the sky looks blue.",
      ],
    },
    email: {
      prompt: "Write a short email to a colleague asking to move tomorrow's meeting to Friday.",
      answer: [
        "Subject: Moving tomorrow's meeting",
        "Hi Sam,",
        "Something urgent has come up, so I won't be able to make our meeting tomorrow.",
        "Could we move it to Friday at the same time?",
        "Thanks for your understanding, and sorry for the short notice.",
        "Best regards,\nAlex",
      ],
    },
    sleep: {
      prompt: "Give three tips for sleeping better.",
      answer: [
        "Here are three tips for better sleep:",
        "Go to bed and get up at the same time every day, even at weekends.",
        "Avoid screens and bright light for an hour before bedtime.",
        "Keep your bedroom cool, dark and quiet, and skip coffee after lunch.",
      ],
    },
    palindrome: {
      prompt: "Write a Python function that checks whether a string is a palindrome.",
      answer: [
        "Here is a short function that does this:",
        "It keeps only letters and digits and ignores upper and lower case.",
        'Then it compares the cleaned string with its reverse, so is_palindrome("Anna") returns True.',
      ],
    },
    evens: {
      prompt: "Write a Python function that returns the sum of the even numbers in a list.",
      answer: [
        "You can do this in a single line:",
        "The generator expression keeps only the numbers that are divisible by 2.",
        "The built-in sum() adds them up, so sum_even([1, 2, 3, 4]) returns 6.",
      ],
    },
  },
};
