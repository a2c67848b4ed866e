import type { Metadata } from 'next';
import { PAGES, pageMetadata } from '@/lib/site/metadata';
import { ComparePage } from '@/components/compare/ComparePage';

export const metadata: Metadata = pageMetadata(PAGES.home, { absoluteTitle: true });

export default function Page() {
  return <ComparePage />;
}
