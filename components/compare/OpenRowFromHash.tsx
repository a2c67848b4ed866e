'use client';

import { useEffect } from 'react';
import { fragmentId } from '@/lib/url-state';

const TABLE_ID = 'feature-table';

/** Opens the row a /#feature-<id> link points at (on load and on later hash changes). */
function openRowFromHash() {
  const id = fragmentId(window.location.hash);
  if (id === null || !id.startsWith('feature-')) return;
  const row = document.getElementById(id);
  if (row instanceof HTMLDetailsElement && !row.open) {
    row.open = true;
    row.scrollIntoView({ block: 'start' });
  }
}

/** Opens the row a /#feature-<id> link points at: the table's one bit of script. */
export function OpenRowFromHash() {
  useEffect(() => {
    openRowFromHash();
    window.addEventListener('hashchange', openRowFromHash);
    return () => window.removeEventListener('hashchange', openRowFromHash);
  }, []);
  return null;
}

export { TABLE_ID };
