import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The floor every route is measured against: a blank Next.js App Router page (one <h1>), built in
 * the same run by this repo's own `next` (same version, same node_modules), so "overhead" is only
 * what the course adds. It lives in a .next-* folder in the repo (ignored by git) so that module
 * resolution finds this repo's node_modules. Returns the app's folder and its dist dir.
 */
export function buildBlankNextApp(): { appDir: string; distDir: string } {
  const appDir = ".next-blank-app";
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(path.join(appDir, "app"), { recursive: true });
  writeFileSync(
    path.join(appDir, "app", "layout.jsx"),
    'export default function RootLayout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
  );
  writeFileSync(
    path.join(appDir, "app", "page.jsx"),
    'export const metadata = { title: "Blank", description: "A blank page" };\n\nexport default function Page() {\n  return <h1>Blank</h1>;\n}\n',
  );
  execFileSync("npx", ["next", "build", appDir], {
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return { appDir, distDir: path.join(appDir, ".next") };
}
