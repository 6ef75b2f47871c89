import type { NextConfig } from "next";
import { API_CSP } from "./lib/auth/csp";

const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // Separate build dirs let several checkouts' builds and e2e servers run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@prisma/adapter-pg", "cld"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      // Pages get a per-request nonce CSP from proxy.ts; API responses a closed one.
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default nextConfig;
