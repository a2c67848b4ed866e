// Each page's title, description, canonical address and Open Graph / Twitter card, in one place.
// The site is a static export: SITE_URL (read at build time) is where it will be served, so the
// canonical and preview-image addresses are absolute; without it they name `npm start`'s address.
import type { Metadata } from 'next';

export const SITE_NAME = 'Kafka vs RabbitMQ';
export const SITE_URL = new URL(process.env.SITE_URL || 'http://localhost:3000');

export interface PageInfo {
  /** The path of the page, e.g. "/simulate". */
  path: string;
  /** The title as a browser tab and a link preview show it (the site's name is added to the tab's). */
  title: string;
  description: string;
}

export const PAGES = {
  home: {
    path: '/',
    title: 'Kafka vs RabbitMQ: how they differ, and which to choose',
    description:
      'Kafka and RabbitMQ compared as of 2026: log vs queue, a sourced feature table, runnable producer and consumer code, RabbitMQ routing, when each wins and managed services.',
  },
  simulate: {
    path: '/simulate',
    title: 'Simulator: Kafka offsets and RabbitMQ acks on one clock',
    description:
      'Watch Kafka log offsets and RabbitMQ queue deliveries on one clock: play, step, scrub back, crash a consumer or add one, and see what each broker does.',
  },
  routing: {
    path: '/routing',
    title: 'Where does my message go? RabbitMQ routing and Kafka partitions',
    description:
      'Route a message through RabbitMQ exchanges (your own topology too, from a definitions export) and see which Kafka partition each key lands on under each client.',
  },
  choose: {
    path: '/choose',
    title: 'Kafka, RabbitMQ, or both? A chooser quiz',
    description: 'Answer a short quiz and get a reasoned recommendation: Kafka, RabbitMQ, both, or neither as asked, with its sources.',
  },
} as const satisfies Record<string, PageInfo>;

/** A page's metadata: its title and description, canonical address, and the cards a shared link unfurls into. */
export function pageMetadata(page: PageInfo, { absoluteTitle = false } = {}): Metadata {
  return {
    title: absoluteTitle ? { absolute: page.title } : page.title,
    description: page.description,
    alternates: { canonical: page.path },
    openGraph: { type: 'website', siteName: SITE_NAME, title: page.title, description: page.description, url: page.path, locale: 'en' },
    twitter: { card: 'summary_large_image', title: page.title, description: page.description },
  };
}
