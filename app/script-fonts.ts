// Self-hosted Noto faces for the scripts reviewers' machines often lack (weight 400 only; bold is
// synthesised). Each @font-face carries a unicode-range, so a browser downloads a file only when a
// page shows a character in it: the Arabic, Thai, … files are one subset each, CJK is cut into ~100
// slices. The families are listed in globals.css (--script-fonts) after the system's own fonts.
import "@fontsource/noto-sans-arabic/arabic-400.css";
import "@fontsource/noto-sans-hebrew/hebrew-400.css";
import "@fontsource/noto-sans-devanagari/devanagari-400.css";
import "@fontsource/noto-sans-bengali/bengali-400.css";
import "@fontsource/noto-sans-telugu/telugu-400.css";
import "@fontsource/noto-sans-tamil/tamil-400.css";
import "@fontsource/noto-sans-thai/thai-400.css";
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-kr/400.css";
