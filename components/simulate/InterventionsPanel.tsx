'use client';
export function InterventionsPanel() {
  return null;
}
