// The page's sections in order; ids are linked to from other pages (/#features, /#sources…).
export const SECTIONS = [
  { id: 'verdict', label: 'Quick verdict' },
  { id: 'log-vs-queue', label: 'Log vs queue' },
  { id: 'features', label: 'Feature table' },
  { id: 'broker-dies', label: 'When a broker dies' },
  { id: 'code', label: 'Code' },
  { id: 'routing', label: 'RabbitMQ routing' },
  { id: 'when', label: 'When each wins' },
  { id: 'managed', label: 'Managed services' },
  { id: 'bottom-line', label: 'Bottom line' },
  // The footer's link to /#sources is named “Sources”; the contents entry gets a distinct name.
  { id: 'sources', label: 'Sources', tocLabel: 'Source list' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export function sectionTitle(id: SectionId): string {
  return SECTIONS.find((s) => s.id === id)!.label;
}
