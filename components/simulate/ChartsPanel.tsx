'use client';
export function ChartsPanel() {
  return null;
}
