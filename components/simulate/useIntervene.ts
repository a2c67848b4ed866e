'use client';
import { useCallback } from 'react';
import type { InterventionInput } from '@/simulator';
import { withValidators } from '@/lib/simulate/engine-api';
import { useSimStore } from './context';

/** A button's intervention at the current moment (kill a broker, stall a fetcher, …); errors show in the narration. */
export function useIntervene(): (iv: InterventionInput) => void {
  const store = useSimStore();
  return useCallback((iv: InterventionInput) => void withValidators(store, () => store.getState().intervene(iv)), [store]);
}
