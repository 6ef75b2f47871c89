// Self-hosted Noto faces for the scripts reviewers' machines often lack (weight 400 only; bold is
// synthesised). Each @font-face carries a unicode-range, so a browser downloads a file only when a
// page shows a character in it: a script's own subset (CJK is cut into ~100 slices), and Latin
// subsets that the system's fonts, listed first, always answer for. Not the `<subset>-400.css`
// files: their faces have no unicode-range, so text in any script the system lacks made the browser
// download every family in turn. The families are listed in globals.css (--script-fonts).
import "@fontsource/noto-sans-arabic/400.css";
import "@fontsource/noto-sans-hebrew/400.css";
import "@fontsource/noto-sans-devanagari/400.css";
import "@fontsource/noto-sans-bengali/400.css";
import "@fontsource/noto-sans-telugu/400.css";
import "@fontsource/noto-sans-tamil/400.css";
import "@fontsource/noto-sans-thai/400.css";
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-kr/400.css";
