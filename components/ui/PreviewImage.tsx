import { ImageResponse } from 'next/og';
import type { PageInfo } from '@/lib/site/metadata';

/** The size link previews use (Open Graph, Twitter's large card). */
export const PREVIEW_SIZE = { width: 1200, height: 630 };

const KAFKA = '#4f46e5';
const RABBIT = '#ea580c';

/**
 * A page's link-preview image, drawn at build time (the site stays a static export): the site's
 * name, the page's title and description, and a log beside a queue.
 */
export function previewImage(page: PageInfo): ImageResponse {
  const cells = (n: number, colour: string, faded: number) =>
    Array.from({ length: n }, (_, i) => (
      <div
        key={i}
        style={{
          width: 56,
          height: 56,
          marginRight: 8,
          borderRadius: 8,
          background: colour,
          opacity: i < faded ? 0.35 : 1,
          display: 'flex',
        }}
      />
    ));
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        padding: 64,
        background: '#ffffff',
        color: '#18181b',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', fontSize: 34 }}>
        <div style={{ width: 26, height: 26, borderRadius: 5, background: KAFKA, marginRight: 6, display: 'flex' }} />
        <div style={{ width: 26, height: 26, borderRadius: 5, background: RABBIT, marginRight: 18, display: 'flex' }} />
        <span style={{ color: KAFKA }}>Kafka</span>
        <span style={{ margin: '0 10px' }}>vs</span>
        <span style={{ color: RABBIT }}>RabbitMQ</span>
      </div>
      <div style={{ marginTop: 40, fontSize: 64, lineHeight: 1.1, fontWeight: 700, display: 'flex' }}>{page.title}</div>
      <div style={{ marginTop: 24, fontSize: 28, lineHeight: 1.35, color: '#3f3f46', display: 'flex' }}>{page.description}</div>
      <div style={{ marginTop: 'auto', display: 'flex', alignItems: 'center' }}>
        <span style={{ fontSize: 22, color: KAFKA, width: 64 }}>log</span>
        {cells(8, KAFKA, 0)}
        <span style={{ fontSize: 22, color: RABBIT, width: 90, marginLeft: 32 }}>queue</span>
        {cells(4, RABBIT, 1)}
      </div>
    </div>,
    PREVIEW_SIZE,
  );
}
