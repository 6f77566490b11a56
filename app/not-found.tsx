import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page page--narrow">
      <h1>Page not found</h1>
      <p>
        That page isn&apos;t part of the course. <Link href="/">Go to the course overview</Link>.
      </p>
    </div>
  );
}
