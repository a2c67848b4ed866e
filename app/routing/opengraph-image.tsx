import { PREVIEW_SIZE, previewImage } from '@/components/ui/PreviewImage';
import { PAGES } from '@/lib/site/metadata';

export const dynamic = 'force-static';
export const alt = PAGES.routing.title;
export const size = PREVIEW_SIZE;
export const contentType = 'image/png';

export default function Image() {
  return previewImage(PAGES.routing);
}
