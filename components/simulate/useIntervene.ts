'use client';
import { useCallback } from 'react';
import type { InterventionInput } from '@/simulator';
import { useSimStore } from './context';

/** A button's intervention at the current moment (kill a broker, stall a fetcher, …); its result shows in the narration. */
export function useIntervene(): (iv: InterventionInput) => void {
  const store = useSimStore();
  return useCallback((iv: InterventionInput) => void store.getState().intervene(iv), [store]);
}
