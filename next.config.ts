import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Separate build dirs let several checkouts' builds and e2e servers run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
