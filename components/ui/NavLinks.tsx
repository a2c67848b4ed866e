'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export const NAV_ITEMS = [
  { href: '/', label: 'Compare' },
  { href: '/simulate', label: 'Simulate' },
  { href: '/routing', label: 'Routing' },
  { href: '/choose', label: 'Choose' },
] as const;

/** Static export may serve /simulate as /simulate/ or /simulate.html; all mean the same page. */
function normalise(path: string) {
  const p = path.replace(/\.html$/, '').replace(/\/+$/, '');
  return p === '' || p === '/index' ? '/' : p;
}

export function NavLinks() {
  const current = normalise(usePathname() ?? '/');
  return (
    <ul className="flex items-center gap-1">
      {NAV_ITEMS.map(({ href, label }) => {
        const active = current === href;
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              className={
                'rounded-md px-2.5 py-2 text-sm font-medium sm:px-3 ' +
                (active
                  ? 'bg-kafka-50 text-kafka-800 dark:bg-kafka-950 dark:text-kafka-200'
                  : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white')
              }
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
