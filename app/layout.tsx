import type { Metadata, Viewport } from 'next';
import './globals.css';
import { SiteFooter } from '@/components/ui/SiteFooter';
import { SiteHeader } from '@/components/ui/SiteHeader';
import { contentSecurityPolicy } from '@/lib/csp';
import { themeInitScript } from '@/lib/theme';
import { SITE_NAME, SITE_URL } from '@/lib/site/metadata';

export const metadata: Metadata = {
  title: {
    default: 'Kafka vs RabbitMQ: how they differ, and which to choose',
    template: '%s · Kafka vs RabbitMQ',
  },
  description:
    'An interactive, sourced comparison of Apache Kafka and RabbitMQ as of 2026: log vs queue, a simulator of offsets and acks, routing playgrounds and a chooser quiz.',
  applicationName: SITE_NAME,
  metadataBase: SITE_URL,
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* In the build, scripts/postbuild.mjs puts the CSP tag in, with the hashes of the page's inline scripts. */}
        {process.env.NODE_ENV === 'development' && <meta httpEquiv="Content-Security-Policy" content={contentSecurityPolicy(true)} />}
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body className="flex min-h-screen flex-col bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-4 py-2 text-kafka-800 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900 dark:text-kafka-200"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
