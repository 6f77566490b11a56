import { IntentLink } from "@/components/layout/intent-link";

export default function NotFound() {
  return (
    <div className="page page--narrow">
      <h1>Page not found</h1>
      <p>
        That page isn&apos;t part of the course. <IntentLink href="/">Go to the course overview</IntentLink>.
      </p>
    </div>
  );
}
