import Link from "next/link";
import { ProgressNotice } from "@/components/progress/progress-notice";
import { AutoHidingHeader } from "./auto-hiding-header";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <AutoHidingHeader>
      <Link href="/" className="site-header__brand">
        Shipping Node.js in containers
      </Link>
      <nav aria-label="Site" className="site-header__nav">
        <Link href="/">Course</Link>
        <Link href="/practice">Practice</Link>
        <Link href="/progress">Progress</Link>
        <ThemeToggle />
      </nav>
      <ProgressNotice />
    </AutoHidingHeader>
  );
}
