'use client';
export function ScenarioEditor() {
  return null;
}
