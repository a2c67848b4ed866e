// One message chip: colour from its key (a hint), label always readable (the fact).
import type { CSSProperties, ReactNode } from 'react';

export const CELL_PITCH = 30; // px between cell origins (28 px cell + 2 px gap)

export function Chip({
  hue,
  children,
  title,
  className = '',
  style,
  at,
  role,
  flight,
}: {
  hue: number;
  children: ReactNode;
  title: string;
  className?: string;
  style?: CSSProperties;
  /**
   * Place the chip at this point of a SlotGrid: one plain fixed-size box (cheap to add by the hundred),
   * placed by left/top, not a transform (a transform per chip is a paint chunk per chip, which the
   * compositor re-sorts every frame something animates).
   */
  at?: { x: number; y: number };
  role?: 'listitem';
  /** Marks a queue message for the delivery animation (useFlights): its id and which side it is on. */
  flight?: { msg: string; side: 'ready' | 'slot' };
}) {
  return (
    <span
      title={title}
      role={role}
      data-msg={flight?.msg}
      data-side={flight?.side}
      style={{ '--h': String(hue), ...(at ? { left: at.x, top: at.y } : {}), ...style } as CSSProperties}
      className={`kvr-chip ${at ? 'kvr-slot-chip' : 'inline-flex h-7 min-w-7 items-center justify-center rounded border px-0.5 font-mono text-[11px] leading-none'} ${className}`}
    >
      {children}
    </span>
  );
}
