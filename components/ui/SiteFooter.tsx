import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-zinc-600 sm:flex-row sm:justify-between sm:px-6 dark:text-zinc-400">
        <p>
          Every claim on this site links to its source. Facts checked in December 2026.{' '}
          <Link href="/#sources" className="text-link font-medium">
            Sources
          </Link>
        </p>
        <p>Apache Kafka and RabbitMQ are trademarks of their owners; this site is independent.</p>
      </div>
    </footer>
  );
}
