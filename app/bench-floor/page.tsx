import type { Metadata } from 'next';

// The benchmarks' floor (`npm run bench`): a page of the same build with nothing of its own (the
// site's header and footer, Next's runtime). Each route's Lighthouse figures and the simulator's
// frame times are reported beside this page's, measured in the same run, so a busy machine shows
// in both and what a page itself costs stays readable.
export const metadata: Metadata = {
  title: 'Benchmark floor',
  description: 'An intentionally empty page: the benchmarks compare every other page with it.',
  robots: { index: false },
};

export default function BenchFloor() {
  return (
    <p className="sr-only">This page is intentionally empty: the benchmarks measure it as the floor the other pages are compared with.</p>
  );
}
