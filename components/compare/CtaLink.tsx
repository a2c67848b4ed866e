import Link from 'next/link';

const TONE = {
  kafka: 'bg-kafka-700 text-white hover:bg-kafka-800 dark:bg-kafka-300 dark:text-kafka-950 dark:hover:bg-kafka-200',
  rabbitmq: 'bg-rabbit-700 text-white hover:bg-rabbit-800 dark:bg-rabbit-300 dark:text-rabbit-950 dark:hover:bg-rabbit-200',
} as const;

/** A prominent link to another part of the site (simulator, playground). */
export function CtaLink({ href, tone, children }: { href: string; tone: keyof typeof TONE; children: React.ReactNode }) {
  return (
    <p className="mt-6">
      <Link href={href} prefetch={false} className={`inline-flex items-center gap-2 rounded-lg px-4 py-2 font-medium ${TONE[tone]}`}>
        {children} <span aria-hidden="true">→</span>
      </Link>
    </p>
  );
}
