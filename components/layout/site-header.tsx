import { IntentLink } from "@/components/layout/intent-link";
import { ProgressNotice } from "@/components/progress/progress-notice";
import { AutoHidingHeader } from "./auto-hiding-header";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <AutoHidingHeader>
      <IntentLink href="/" className="site-header__brand">
        Shipping Node.js in containers
      </IntentLink>
      <nav aria-label="Site" className="site-header__nav">
        <IntentLink href="/">Course</IntentLink>
        <IntentLink href="/practice">Practice</IntentLink>
        <IntentLink href="/progress">Progress</IntentLink>
        <ThemeToggle />
      </nav>
      <ProgressNotice />
    </AutoHidingHeader>
  );
}
