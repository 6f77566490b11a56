import Link from "next/link";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="site-header__brand">
        Shipping Node.js in containers
      </Link>
      <nav aria-label="Site" className="site-header__nav">
        <Link href="/">Course</Link>
        <ThemeToggle />
      </nav>
    </header>
  );
}
