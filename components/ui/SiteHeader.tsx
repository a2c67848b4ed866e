import Link from 'next/link';
import { NavLinks } from './NavLinks';
import { ThemeToggle } from './ThemeToggle';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 px-4 py-2 sm:px-6">
        <Link href="/" className="flex items-center gap-2 py-1 font-semibold tracking-tight text-zinc-950 dark:text-white">
          <span aria-hidden="true" className="inline-flex gap-0.5">
            <span className="h-3 w-3 rounded-sm bg-kafka-600 dark:bg-kafka-400" />
            <span className="h-3 w-3 rounded-sm bg-rabbit-600 dark:bg-rabbit-400" />
          </span>
          <span>
            <span className="text-kafka-700 dark:text-kafka-300">Kafka</span> vs{' '}
            <span className="text-rabbit-800 dark:text-rabbit-300">RabbitMQ</span>
          </span>
        </Link>
        <div className="order-last -mx-2 w-full sm:order-none sm:mx-0 sm:w-auto">
          <nav aria-label="Main">
            <NavLinks />
          </nav>
        </div>
        <ThemeToggle />
      </div>
    </header>
  );
}
