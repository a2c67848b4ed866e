// The root of an interactive island: it says when the island is live (hydrated, and the link's state
// applied) with data-ready="true", which tests and benchmarks wait for instead of a timer.
import type { ReactNode } from 'react';

export function ReadyRoot({
  testId,
  ready,
  className,
  children,
}: {
  testId: string;
  ready: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div data-testid={testId} data-ready={ready ? 'true' : undefined} className={className}>
      {children}
    </div>
  );
}
