import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Page not found',
  description: 'There is no page at this address on Kafka vs RabbitMQ.',
};

export default function NotFound() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
      <p className="font-mono text-sm text-rabbit-800 dark:text-rabbit-300">404 · no route for this key</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">Page not found</h1>
      <p className="mt-4 max-w-prose text-zinc-700 dark:text-zinc-300">
        Like a message published with <code className="font-mono">mandatory</code> and no matching binding, this address came back unrouted.
        Try one of these instead:
      </p>
      <ul className="mt-6 space-y-2">
        <li>
          <Link className="text-link" href="/">
            Compare Kafka and RabbitMQ
          </Link>
        </li>
        <li>
          <Link className="text-link" href="/simulate">
            Simulate a log and a queue
          </Link>
        </li>
        <li>
          <Link className="text-link" href="/routing">
            Route a message
          </Link>
        </li>
        <li>
          <Link className="text-link" href="/choose">
            Choose with the quiz
          </Link>
        </li>
      </ul>
    </div>
  );
}
